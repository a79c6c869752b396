package io.safla.demo.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.safla.ui.ViewHeader;

@Route("")
@PageTitle("Demo | SAFLA")
@Menu(order = 0, icon = "vaadin:play", title = "Demo")
public class DemoView extends VerticalLayout {

    DemoView() {
        setId("demo-view");
        add(new ViewHeader("Demo", "Guided scenarios that run the real SAFLA engine step by step: remember and recall facts with real embeddings, watch the safety validator catch an unsafe input and roll back a risky change, consolidate working memory into episodic and semantic memory, and follow the self-improving feedback loop. The scenarios arrive with the memory engine and the safety framework; until then this page runs nothing, so it shows nothing."));
    }
}
