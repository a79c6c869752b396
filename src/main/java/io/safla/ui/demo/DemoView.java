package io.safla.ui.demo;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.safla.demo.service.DemoService;
import io.safla.ui.kit.ViewHeader;
import io.safla.ui.kit.VisitorActions;

@Route("")
@PageTitle("Demo | SAFLA")
@Menu(order = 0, icon = "vaadin:play", title = "Demo")
class DemoView extends VerticalLayout {

    final RememberAndRecall recall;
    final SafetyIntervention intervention;

    final ConsolidationScenario consolidation;
    final SelfImprovingLoop loop;

    DemoView(DemoService demo, VisitorActions actions) {
        setId("demo-view");
        add(new ViewHeader(
                "Demo",
                "Guided scenarios that run the real SAFLA engine step by step. Each step says what"
                        + " it does and shows its live result; change the inputs and run it again. Your experiments run in"
                        + " a private sandbox, so nothing you do here changes what other visitors see."));
        recall = new RememberAndRecall(demo, actions);
        intervention = new SafetyIntervention(demo, actions);
        consolidation = new ConsolidationScenario(demo, actions);
        loop = new SelfImprovingLoop(demo, actions);
        TabSheet scenarios = new TabSheet();
        scenarios.setId("demo-scenarios");
        scenarios.setWidthFull();
        scenarios.add("Remember and recall", recall);
        scenarios.add("Safety intervention", intervention);
        scenarios.add("Memory consolidation", consolidation);
        scenarios.add("Self-improving loop", loop);
        add(scenarios);
    }
}
