package io.safla.ui.demo;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import io.safla.memory.service.MemoryService;
import io.safla.ui.kit.EChart;
import io.safla.ui.kit.KaribuTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The Demo view's "Self-improving loop" scenario, on the test profile's hashing embedder. */
@SpringBootTest
class SelfImprovingLoopViewTest extends KaribuTest {

    @Autowired
    private MemoryService memory;

    @BeforeEach
    void setUp() {
        memory.load();
        startUi();
        UI.getCurrent().navigate("");
        _get(TabSheet.class, spec -> spec.withId("demo-scenarios")).setSelectedIndex(3);
    }

    private static List<Div> cards() {
        return _find(
                _get(Div.class, spec -> spec.withId("loop-steps")), Div.class, spec -> spec.withClasses("step-card"));
    }

    @Test
    void runsCyclesOnTheSandbox_chartsThem_andLeavesTheSharedMemoryAlone() throws Exception {
        int sharedBefore = memory.engine().size();
        _setValue(_get(IntegerField.class, spec -> spec.withId("loop-cycles")), 3);
        _click(_get(Button.class, spec -> spec.withId("loop-restart")));

        _click(_get(Button.class, spec -> spec.withId("loop-run-all")));

        // load, baseline, 3 cycles, proposal, chart
        assertThat(cards()).hasSize(7);
        List<Span> outcomes = _find(
                _get(Div.class, spec -> spec.withId("loop-steps")),
                Span.class,
                spec -> spec.withClasses("scenario-summary"));
        assertThat(outcomes.get(0).getText()).startsWith("181 memories embedded");
        assertThat(outcomes.get(1).getText()).matches("Held-out nDCG@10 \\d\\.\\d{3}, all by cosine\\.");
        for (int i = 2; i <= 4; i++) {
            assertThat(outcomes.get(i).getElement().getAttribute("data-outcome"))
                    .isIn("KEPT", "ROLLED_BACK");
            assertThat(outcomes.get(i).getText()).contains("Strategies tried").contains("Held-out nDCG@10 now");
        }
        assertThat(outcomes.get(5).getText()).startsWith("Proposed: set the lexical weight to 0.05.");
        JsonNode chart = new ObjectMapper()
                .readTree(_get(EChart.class, spec -> spec.withId("loop-chart")).getOption());
        assertThat(chart.at("/xAxis/data")).hasSize(5); // start, 3 cycles, proposal
        assertThat(chart.at("/series/0/data").get(0).asDouble()).isBetween(0.0, 1.0);
        assertThat(chart.at("/series/1/data")).hasSize(5);
        assertThat(memory.engine().size()).isEqualTo(sharedBefore);
    }

    @Test
    void anInvalidCycleCountIsAClearMessage() {
        _setValue(_get(IntegerField.class, spec -> spec.withId("loop-cycles")), 40);
        _click(_get(Button.class, spec -> spec.withId("loop-restart")));
        _click(_get(Button.class, spec -> spec.withId("loop-next")));

        assertThat(cards()).isEmpty();
        NotificationsKt.expectNotifications("Step 1 failed: feedback cycles must be between 1 and 12");
    }
}
