package io.safla.cognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeltaEvaluatorTest {

    private static LoopMetrics metrics(double quality, double latency, double stability, double capability) {
        return new LoopMetrics(quality, latency, stability, capability, 10);
    }

    @Test
    void componentsAreRelativeChangesClippedToPlusMinusOne() {
        DeltaEvaluator evaluator = DeltaEvaluator.withDefaults();
        Delta d = evaluator.evaluate(metrics(0.5, 100, 1, 0.5), metrics(0.6, 400, 0.9, 0.1), "interactive");
        assertThat(d.performance()).isCloseTo(0.2, within(1e-12));
        assertThat(d.efficiency()).isEqualTo(-1); // latency quadrupled: -300 % clipped
        assertThat(d.stability()).isCloseTo(-0.1, within(1e-12));
        assertThat(d.capability()).isCloseTo(-0.8, within(1e-12));
        Delta huge = evaluator.evaluate(metrics(0.01, 1000, 1, 0.01), metrics(0.9, 1, 1, 0.9), "interactive");
        assertThat(huge.performance()).isEqualTo(1);
        assertThat(huge.capability()).isEqualTo(1);
        assertThat(huge.efficiency()).isCloseTo(0.999, within(1e-12));
        assertThat(DeltaEvaluator.relativeChange(0, 0)).isZero();
        assertThat(DeltaEvaluator.relativeChange(0, 0.3)).isEqualTo(1);
    }

    @Test
    void totalIsTheWeightedSumOfTheContext_andDecidesImprovement() {
        DeltaEvaluator evaluator = new DeltaEvaluator(
                Map.of("quality", new DeltaWeights(1, 0, 0, 0), "speed", new DeltaWeights(0, 1, 0, 0)), 10);
        LoopMetrics before = metrics(0.5, 100, 1, 0.5);
        LoopMetrics after = metrics(0.6, 150, 1, 0.5);
        Delta quality = evaluator.evaluate(before, after, "quality");
        Delta speed = evaluator.evaluate(before, after, "speed");
        assertThat(quality.total()).isCloseTo(0.2, within(1e-12));
        assertThat(quality.isImprovement()).isTrue();
        assertThat(speed.total()).isCloseTo(-0.5, within(1e-12));
        assertThat(speed.isImprovement()).isFalse();
        assertThatThrownBy(() -> evaluator.evaluate(before, after, "nope"))
                .hasMessageContaining("no delta weights for context nope");
    }

    @Test
    void weightsMustBeNonNegativeAndSumToOne() {
        assertThatThrownBy(() -> new DeltaWeights(0.5, 0.5, 0.5, 0)).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> new DeltaWeights(1.2, -0.2, 0, 0)).hasMessageContaining("in [0, 1]");
        assertThat(DeltaWeights.interactive()).isNotNull();
        assertThat(DeltaWeights.throughput()).isNotNull();
    }

    @Test
    void historyIsBoundedAndTheTrendFollowsIt() {
        DeltaEvaluator evaluator = new DeltaEvaluator(Map.of("q", new DeltaWeights(1, 0, 0, 0)), 5);
        for (int i = 1; i <= 7; i++) {
            evaluator.evaluate(metrics(0.5, 1, 1, 1), metrics(0.5 + 0.02 * i, 1, 1, 1), "q");
        }
        assertThat(evaluator.history()).hasSize(5);
        assertThat(evaluator.trend(5)).isCloseTo(0.04, within(1e-9)); // each step adds 0.02 / 0.5
        for (int i = 0; i < 5; i++) {
            evaluator.evaluate(metrics(0.5, 1, 1, 1), metrics(0.5 - 0.05 * i, 1, 1, 1), "q");
        }
        assertThat(evaluator.trend(5)).isNegative();
    }

    @Test
    void metricsOutOfRangeAreRejected() {
        assertThatThrownBy(() -> metrics(1.5, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
