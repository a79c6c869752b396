package io.safla.safety.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.safla.ui.ViewHeader;

@Route("safety")
@PageTitle("Safety | SAFLA")
@Menu(order = 2, icon = "vaadin:shield", title = "Safety")
public class SafetyView extends VerticalLayout {

    SafetyView() {
        setId("safety-view");
        add(new ViewHeader("Safety", "A playground for the layered safety validator: type or pick an input, choose a level and layers, and see the verdict, the safety score, the risk per category, the highlighted violations and each layer's latency, plus checkpoints, rollback and the emergency stop. It fills in when the safety framework lands."));
    }
}
