package io.safla.safety;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordValidationTest {

    @Test
    void finding_badSpanOrConfidence_isRejected() {
        assertThatThrownBy(() -> new Finding("l", "r", Category.PII, Severity.LOW, "m", 5, 4, false, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Finding("l", "r", Category.PII, Severity.LOW, "m", -1, 4, false, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Finding("l", "r", Category.PII, Severity.LOW, "m", 0, 4, false, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void layerResult_scoreOutsideUnitInterval_isRejected() {
        assertThatThrownBy(() -> new LayerResult("l", true, 1.2, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LayerResult("l", true, Double.NaN, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void safetyResult_approvedWithBlockingFinding_isRejected() {
        Finding blocking = new Finding("l", "r", Category.SECRET, Severity.HIGH, "m", 0, 1, true, 1.0);
        assertThatThrownBy(() -> new SafetyResult(
                        Verdict.WARNING,
                        0.5,
                        RiskLevel.MEDIUM,
                        Map.of(),
                        List.of(blocking),
                        List.of(),
                        0,
                        true,
                        SafetyLevel.MODERATE,
                        0.35))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void safetyResult_categoryRiskOutOfRange_isRejected() {
        assertThatThrownBy(() -> new SafetyResult(
                        Verdict.SAFE,
                        1.0,
                        RiskLevel.LOW,
                        Map.of(Category.PII, 2.0),
                        List.of(),
                        List.of(),
                        0,
                        true,
                        SafetyLevel.MODERATE,
                        0.35))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
