package io.safla.ui.demo;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import io.safla.memory.SearchResult;
import io.safla.memory.service.MemoryService;
import io.safla.ui.kit.EChart;
import io.safla.ui.kit.KaribuTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class DemoViewTest extends KaribuTest {

    @Autowired
    private MemoryService memory;

    @BeforeEach
    void setUp() {
        memory.load();
        startUi();
        UI.getCurrent().navigate("");
    }

    private static List<Div> cards(String key) {
        return _find(
                _get(Div.class, spec -> spec.withId(key + "-steps")), Div.class, spec -> spec.withClasses("step-card"));
    }

    @Test
    void rememberAndRecall_stepByStep_findsTheAnsweringFact_thenTheCacheAnswers() {
        int sharedBefore = memory.engine().size();
        // tests run the 512-d hashing embedder, which matches words rather than meaning (the browser test runs MiniLM)
        _setValue(
                _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("recall-question")),
                "which architecture uses self-attention between tokens");
        _click(_get(Button.class, spec -> spec.withId("recall-next")));
        _click(_get(Button.class, spec -> spec.withId("recall-next")));
        _click(_get(Button.class, spec -> spec.withId("recall-next")));

        assertThat(cards("recall")).hasSize(3);
        @SuppressWarnings("unchecked")
        Grid<SearchResult.Hit> hits = _find(cards("recall").get(2), Grid.class).get(0);
        assertThat(GridKt._get(hits, 0).item().text()).contains("self-attention");
        assertThat(_get(Span.class, spec -> spec.withId("recall-position")).getText())
                .startsWith("Step 4 of 5");

        _click(_get(Button.class, spec -> spec.withId("recall-run-all")));

        assertThat(cards("recall")).hasSize(5);
        assertThat(cards("recall").get(3).getElement().getTextRecursively()).contains("answered by the cache");
        assertThat(_get(Button.class, spec -> spec.withId("recall-next")).isEnabled())
                .isFalse();
        assertThat(memory.engine().size())
                .as("the sandbox never touches the shared memory")
                .isEqualTo(sharedBefore);
    }

    @Test
    void rememberAndRecall_changedInputsAndRestart_rerunsWithThem() {
        _click(_get(Button.class, spec -> spec.withId("recall-run-all")));
        _setValue(
                _get(TextArea.class, spec -> spec.withId("recall-facts")),
                "Kalman filters estimate hidden state from noisy measurements.");
        _click(_get(Button.class, spec -> spec.withId("recall-restart")));
        assertThat(cards("recall")).isEmpty();

        _click(_get(Button.class, spec -> spec.withId("recall-run-all")));

        assertThat(cards("recall").get(1).getElement().getTextRecursively()).contains("1 facts embedded");
    }

    @Test
    void rememberAndRecall_emptyFacts_reportsTheProblem() {
        _setValue(_get(TextArea.class, spec -> spec.withId("recall-facts")), "   ");
        _click(_get(Button.class, spec -> spec.withId("recall-run-all")));

        assertThat(cards("recall")).hasSize(1);
        NotificationsKt.expectNotifications("Step 2 failed: type at least one fact");
    }

    @Test
    void safetyIntervention_catchesTheInput_andRollsTheRiskyChangeBackExactly() {
        _get(TabSheet.class, spec -> spec.withId("demo-scenarios")).setSelectedIndex(1);

        _click(_get(Button.class, spec -> spec.withId("intervention-run-all")));

        List<Div> cards = cards("intervention");
        assertThat(cards).hasSize(5);
        assertThat(_get(Span.class, spec -> spec.withId("intervention-verdict")).getText())
                .isEqualTo("UNSAFE");
        assertThat(cards.get(3).getElement().getTextRecursively()).contains("Decision: roll the change back.");
        assertThat(cards.get(4).getElement().getTextRecursively()).contains("matches the checkpoint exactly");
    }

    @Test
    void consolidation_growsTheGraph_andASecondRunChangesNothing() {
        _get(TabSheet.class, spec -> spec.withId("demo-scenarios")).setSelectedIndex(2);

        _click(_get(Button.class, spec -> spec.withId("consolidation-run-all")));

        List<Div> cards = cards("consolidation");
        assertThat(cards).hasSize(4);
        assertThat(cards.get(2).getElement().getTextRecursively()).containsPattern("Promoted [1-9]\\d* working items");
        assertThat(_get(Span.class, spec -> spec.withId("consolidation-again")).getText())
                .isEqualTo("0 changes: the second run left every memory as it was.");
        assertThat(_find(cards.get(2), EChart.class).get(0).getOption()).contains("\"graph\"");
    }
}
