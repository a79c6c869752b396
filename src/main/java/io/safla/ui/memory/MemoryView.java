package io.safla.ui.memory;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.safla.checkpoint.service.CheckpointService;
import io.safla.cognition.service.FeedbackLoopService;
import io.safla.memory.service.ConsolidationService;
import io.safla.memory.service.HybridMemoryService;
import io.safla.memory.service.MemoryService;
import io.safla.memory.service.WritePolicy;
import io.safla.ui.kit.OperatorAccess;
import io.safla.ui.kit.ViewHeader;
import io.safla.ui.kit.VisitorActions;
import io.safla.ui.kit.VisitorPreferences;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Map;

@Route("memory")
@PageTitle("Memory | SAFLA")
@Menu(order = 1, icon = "vaadin:database", title = "Memory")
class MemoryView extends VerticalLayout {

    final Div status = new Div();
    final MemorySearchPanel search;
    final MemoryBrowserPanel browser;
    final MemoryStatsPanel stats;
    final MemoryMapPanel map;
    final MemoryTimelinePanel timeline;
    final MemoryGraphPanel graph;
    final WorkingMemoryPanel working;

    private Registration preferencesApplied;

    MemoryView(
            MemoryService memory,
            CheckpointService checkpoints,
            VisitorPreferences preferences,
            VisitorActions actions,
            Validator validator,
            HybridMemoryService hybrid,
            ConsolidationService consolidation,
            OperatorAccess access,
            WritePolicy policy,
            Clock clock,
            FeedbackLoopService feedback) {
        setId("memory-view");
        add(new ViewHeader(
                "Memory",
                "Search the hybrid memory with real embeddings, browse and edit what it holds,"
                        + " and see how the store runs. Every score, row and figure comes from the running engine."));
        status.setId("memory-status");
        status.addClassName("degraded-banner");
        status.setVisible(!memory.ready());
        status.setText("Degraded: " + memory.stateReason());
        search = new MemorySearchPanel(memory, actions, feedback);
        search.startFrom(preferences.current());
        browser = new MemoryBrowserPanel(memory, checkpoints, actions, validator, policy, access);
        stats = new MemoryStatsPanel(memory);
        map = new MemoryMapPanel(hybrid, actions);
        timeline = new MemoryTimelinePanel(hybrid, clock);
        graph = new MemoryGraphPanel(hybrid);
        working = new WorkingMemoryPanel(hybrid, consolidation, actions, access, clock);
        Map<String, HybridPanel> hybridTabs =
                Map.of("Map", map, "Timeline", timeline, "Graph", graph, "Working", working);
        TabSheet tabs = new TabSheet();
        tabs.setId("memory-tabs");
        tabs.setWidthFull();
        tabs.add("Search", search);
        tabs.add("Browse", browser);
        tabs.add("Statistics", stats);
        tabs.add("Map", map);
        tabs.add("Timeline", timeline);
        tabs.add("Graph", graph);
        tabs.add("Working", working);
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab().getLabel().equals("Statistics")) {
                stats.refresh();
            } else if (e.getSelectedTab().getLabel().equals("Browse")) {
                browser.refresh();
            } else if (hybridTabs.containsKey(e.getSelectedTab().getLabel())) {
                hybridTabs.get(e.getSelectedTab().getLabel()).refresh();
            }
        });
        add(status, tabs);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // preferences read back from the browser arrive after this view was built
        preferencesApplied =
                VisitorPreferences.addAppliedListener(event.getUI(), e -> search.startFrom(e.preferences()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        preferencesApplied.remove();
        super.onDetach(event);
    }
}
