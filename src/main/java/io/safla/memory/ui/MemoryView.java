package io.safla.memory.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.safla.ui.ViewHeader;

@Route("memory")
@PageTitle("Memory | SAFLA")
@Menu(order = 1, icon = "vaadin:database", title = "Memory")
public class MemoryView extends VerticalLayout {

    MemoryView() {
        setId("memory-view");
        add(new ViewHeader("Memory", "A console for the hybrid memory: a search playground with scores, latency and cache hits, a browser with filters, import and export, a 2-D map of the stored vectors, the episodic timeline, the semantic graph and the working-memory context. It fills in when the memory engine lands; nothing here is simulated."));
    }
}
