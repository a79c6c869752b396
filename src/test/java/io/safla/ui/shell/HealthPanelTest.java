package io.safla.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import io.safla.monitor.HealthSnapshot;
import io.safla.monitor.service.HealthSampler;
import io.safla.monitor.service.VisitorRegistry;
import io.safla.ui.kit.KaribuTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class HealthPanelTest extends KaribuTest {

    @Autowired
    private HealthSampler sampler;

    @Autowired
    private VisitorRegistry visitors;

    @Test
    void badge_clicked_opensPanelWithComponentsAndFigures() {
        startUi();
        UI.getCurrent().navigate("memory");

        _click(_get(Button.class, spec -> spec.withId("health-badge")));

        HealthPanel panel = _get(HealthPanel.class);
        List<String> components = _find(panel, Div.class, spec -> spec.withClasses("health-component")).stream()
                .map(d -> d.getElement().getAttribute("data-component"))
                .toList();
        assertThat(components).contains("performance", "memoryUsage", "persistence", "apiConnectivity");
        List<String> figures = _find(panel, Div.class, spec -> spec.withClasses("health-figure")).stream()
                .map(d -> d.getElement().getAttribute("data-figure"))
                .toList();
        assertThat(figures)
                .contains(
                        "JVM heap",
                        "Process RSS",
                        "System memory",
                        "CPU load",
                        "Uptime",
                        "Threads",
                        "Active visitors",
                        "Requests",
                        "Response time",
                        "Error rate");
        assertThat(panel.trendsRendered()).isEqualTo(5);
    }

    @Test
    void sampler_newSnapshot_isPushedToTheOpenPanel() {
        startUi();
        UI.getCurrent().navigate("");
        _click(_get(Button.class, spec -> spec.withId("health-badge")));
        int before = sampler.history().size();

        sampler.sample();
        MockVaadin.clientRoundtrip(false);

        HealthSnapshot newest = sampler.latest();
        // the scheduled sampler may add readings of its own meanwhile
        assertThat(sampler.history().size()).isGreaterThan(before);
        assertThat(_get(HealthPanel.class).overall.getText())
                .isEqualTo(newest.overall().name());
        assertThat(_get(Button.class, spec -> spec.withId("health-badge")).getText())
                .isEqualTo(newest.overall().name());
    }

    @Test
    void visitorBeyondTheLimit_seesTheBusyPage() {
        List<String> fillers = new ArrayList<>();
        for (int i = 0; visitors.peek().admitted(); i++) {
            fillers.add("filler-" + i);
            visitors.admit("filler-" + i);
        }
        try {
            startUi();
            UI.getCurrent().navigate("safety");

            assertThat(_get(H1.class, spec -> spec.withId("view-title")).getText())
                    .isEqualTo("SAFLA is busy");
            assertThat(_get(Paragraph.class, spec -> spec.withId("busy-message"))
                            .getText())
                    .contains("visitor places are in use")
                    .containsPattern("try again in about \\d+ s");
        } finally {
            fillers.forEach(visitors::leave);
        }
    }
}
