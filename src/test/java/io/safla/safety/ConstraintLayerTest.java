package io.safla.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.safety.Constraint.Action;
import io.safla.safety.ConstraintEvaluation.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstraintLayerTest {

    @ParameterizedTest
    @CsvSource({
        "x < 5, 4.9, true", "x < 5, 5, false",
        "x <= 5, 5, true", "x <= 5, 5.1, false",
        "x > 5, 5.1, true", "x > 5, 5, false",
        "x >= 5, 5, true", "x >= 5, 4.9, false",
        "x == 0.3, 0.30000000000000004, true", "x == 5, 5.1, false"
    })
    void holds_eachOperator(String expr, double value, boolean expected) {
        assertThat(Constraint.soft("c", expr).holds(value)).isEqualTo(expected);
    }

    @Test
    void parse_readsMetricOperatorThreshold() {
        Constraint c = Constraint.hard("mem", " memory_used_pct>=1e2 ", Action.ROLLBACK);
        assertThat(c.metric()).isEqualTo("memory_used_pct");
        assertThat(c.operator()).isEqualTo(Constraint.Operator.GE);
        assertThat(c.threshold()).isEqualTo(100.0);
    }

    @Test
    void parse_garbage_isRejected() {
        assertThatThrownBy(() -> Constraint.soft("c", "cpu_pct ~ 5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Constraint.soft("c", "cpu_pct <= ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Constraint.parse("c", "x < 1", Constraint.Type.SOFT, Action.BLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Constraint.parse("c", "x < 1", Constraint.Type.HARD, Action.WARN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void check_missingMetric_isErrorNotZero() {
        ConstraintLayer layer =
                new ConstraintLayer(List.of(Constraint.hard("mem", "memory_used_pct <= 90", Action.BLOCK)));
        ConstraintEvaluation e = layer.check(Map.of("cpu_pct", 10.0)).get(0);
        assertThat(e.status()).isEqualTo(Status.ERROR);
        assertThat(e.observed()).isNull();
        assertThat(e.requiredAction()).isEqualTo(Action.BLOCK);
    }

    @Test
    void check_nanMetric_isError() {
        ConstraintLayer layer = new ConstraintLayer(List.of(Constraint.soft("lat", "response_time_ms <= 100")));
        assertThat(layer.check(Map.of("response_time_ms", Double.NaN)).get(0).status())
                .isEqualTo(Status.ERROR);
    }

    @Test
    void check_hardViolation_requiresItsActionAndSoftOnlyWarns() {
        ConstraintLayer layer = ConstraintLayer.defaults();
        Map<String, Double> metrics =
                Map.of("memory_used_pct", 97.0, "cpu_pct", 95.0, "error_rate", 0.01, "response_time_ms", 2500.0);
        List<ConstraintEvaluation> es = layer.check(metrics);
        assertThat(ConstraintLayer.requiredAction(es)).contains(Action.EMERGENCY_STOP);
        assertThat(es)
                .filteredOn(e -> e.constraint().name().equals("latency_warning"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(Status.VIOLATED);
                    assertThat(e.requiredAction()).isEqualTo(Action.WARN);
                });
    }

    @Test
    void check_allWithinBounds_requiresNothing() {
        Map<String, Double> ok =
                Map.of("memory_used_pct", 40.0, "cpu_pct", 20.0, "error_rate", 0.0, "response_time_ms", 80.0);
        assertThat(ConstraintLayer.requiredAction(ConstraintLayer.defaults().check(ok)))
                .isEmpty();
    }

    @Test
    void evaluate_hardViolation_isBlockingFinding_softIsNot() {
        ConstraintLayer layer = new ConstraintLayer(List.of(
                Constraint.hard("cpu", "cpu_pct <= 90", Action.ROLLBACK),
                Constraint.soft("err", "error_rate <= 0.05")));
        SafetyInput in = new SafetyInput(
                "", SafetyLevel.MODERATE, List.of(), Map.of("cpu_pct", 99.0, "error_rate", 0.2), SafetyInput.ANONYMOUS);
        List<Finding> fs = layer.evaluate(in).findings();
        assertThat(fs)
                .extracting(Finding::ruleId, Finding::blocking)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("constraint.violated.cpu", true),
                        org.assertj.core.groups.Tuple.tuple("constraint.violated.err", false));
    }

    @Test
    void evaluate_noSnapshot_passesEmpty() {
        assertThat(ConstraintLayer.defaults()
                        .evaluate(SafetyInput.of("text", SafetyLevel.STRICT))
                        .findings())
                .isEmpty();
    }

    @Test
    void constructor_duplicateNames_areRejected() {
        assertThatThrownBy(() -> new ConstraintLayer(List.of(Constraint.soft("a", "x<1"), Constraint.soft("a", "y<1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
