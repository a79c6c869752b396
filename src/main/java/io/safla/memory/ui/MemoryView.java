package io.safla.memory.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.safla.cognition.service.FeedbackLoopService;
import io.safla.memory.service.MemoryService;
import io.safla.safety.service.CheckpointService;
import io.safla.settings.service.SettingsService;
import io.safla.ui.ViewHeader;
import io.safla.ui.VisitorActions;
import jakarta.validation.Validator;

@Route("memory")
@PageTitle("Memory | SAFLA")
@Menu(order = 1, icon = "vaadin:database", title = "Memory")
public class MemoryView extends VerticalLayout {

    final Div status = new Div();
    final MemorySearchPanel search;
    final MemoryBrowserPanel browser;
    final MemoryStatsPanel stats;

    MemoryView(MemoryService memory, CheckpointService checkpoints, SettingsService settings, VisitorActions actions,
            Validator validator, FeedbackLoopService feedback) {
        setId("memory-view");
        add(new ViewHeader("Memory", "Search the hybrid memory with real embeddings, browse and edit what it holds,"
                + " and see how the store runs. Every score, row and figure comes from the running engine."));
        status.setId("memory-status");
        status.addClassName("degraded-banner");
        status.setVisible(!memory.ready());
        status.setText("Degraded: " + memory.stateReason());
        search = new MemorySearchPanel(memory, actions, feedback);
        search.threshold.setValue(settings.current().defaultThreshold());
        browser = new MemoryBrowserPanel(memory, checkpoints, actions, validator);
        stats = new MemoryStatsPanel(memory);
        TabSheet tabs = new TabSheet();
        tabs.setId("memory-tabs");
        tabs.setWidthFull();
        tabs.add("Search", search);
        tabs.add("Browse", browser);
        tabs.add("Statistics", stats);
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab().getLabel().equals("Statistics")) {
                stats.refresh();
            } else if (e.getSelectedTab().getLabel().equals("Browse")) {
                browser.refresh();
            }
        });
        add(status, tabs);
    }
}
