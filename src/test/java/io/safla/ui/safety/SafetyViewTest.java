package io.safla.ui.safety;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import io.safla.checkpoint.CheckpointInfo;
import io.safla.memory.NewMemory;
import io.safla.memory.service.MemoryService;
import io.safla.safety.Finding;
import io.safla.ui.kit.EChart;
import io.safla.ui.kit.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class SafetyViewTest extends KaribuTest {

    @Autowired
    private MemoryService memory;

    @BeforeEach
    void setUp() {
        memory.load();
        startUi();
        UI.getCurrent().navigate("safety");
    }

    @Test
    void attack_showsUnsafeVerdict_highlightedEvidence_violationsAndLayers() {
        String attack = "Hello <script>alert(document.cookie)</script> world";
        _setValue(_get(TextArea.class, spec -> spec.withId("safety-input")), attack);

        _click(_get(Button.class, spec -> spec.withId("validate-button")));

        assertThat(_get(Span.class, spec -> spec.withId("safety-verdict")).getText())
                .isEqualTo("UNSAFE");
        assertThat(_get(Span.class, spec -> spec.withId("safety-verdict")).getClassNames())
                .contains("verdict-unsafe");
        Div highlighted = _get(Div.class, spec -> spec.withId("safety-highlighted"));
        assertThat(highlighted.getElement().getTextRecursively()).isEqualTo(attack);
        assertThat(_find(highlighted, Span.class, spec -> spec.withClasses("violation-mark")))
                .isNotEmpty()
                .allSatisfy(mark -> assertThat(attack).contains(mark.getText()));
        @SuppressWarnings("unchecked")
        Grid<Finding> violations = _get(Grid.class, spec -> spec.withId("safety-violations"));
        assertThat(GridKt._size(violations)).isPositive();
        @SuppressWarnings("unchecked")
        Grid<io.safla.safety.LayerResult> layers = _get(Grid.class, spec -> spec.withId("safety-layer-results"));
        assertThat(GridKt._getFormatted(layers, 0, "latency")).endsWith(" µs");
        assertThat(_get(EChart.class, spec -> spec.withId("safety-radar")).getOption())
                .contains("\"radar\"");
    }

    @Test
    void benignText_isSafe_andEmptyInputShowsAnError() {
        _click(_get(Button.class, spec -> spec.withId("validate-button")));
        assertThat(_get(TextArea.class, spec -> spec.withId("safety-input")).isInvalid())
                .isTrue();
        NotificationsKt.expectNotifications("Nothing to validate yet.");

        _setValue(_get(TextArea.class, spec -> spec.withId("safety-input")), "What is gradient descent?");
        _click(_get(Button.class, spec -> spec.withId("validate-button")));

        assertThat(_get(Span.class, spec -> spec.withId("safety-verdict")).getText())
                .isEqualTo("SAFE");
    }

    @Test
    void checkpoint_thenRollbackAfterConfirmation_restoresTheMemory() {
        _click(_get(Button.class, spec -> spec.withId("take-checkpoint")));
        int items = memory.engine().size();
        memory.engine().add(NewMemory.of("A change to be rolled back."));
        @SuppressWarnings("unchecked")
        Grid<CheckpointInfo> grid = _get(Grid.class, spec -> spec.withId("checkpoint-grid"));
        CheckpointInfo newest = GridKt._get(grid, 0);
        assertThat(newest.reason()).isEqualTo("taken from the Safety tab");

        new SafetyViewAccess().rollback(_get(io.safla.ui.safety.SafetyView.class), newest);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-rollback")));

        assertThat(memory.engine().size()).isEqualTo(items);
        assertThat(memory.engine().checksum()).isEqualTo(newest.checksum());
    }

    @Test
    void emergencyStop_togglesAndFreezesWrites() {
        _click(_get(Button.class, spec -> spec.withId("emergency-button")));
        try {
            assertThat(_get(Span.class, spec -> spec.withId("emergency-status")).getText())
                    .startsWith("STOPPED");
            assertThat(memory.engine().frozen()).isPresent();
        } finally {
            _click(_get(Button.class, spec -> spec.withId("emergency-button")));
        }
        assertThat(memory.engine().frozen()).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("emergency-status")).getText())
                .startsWith("Running");
    }
}
