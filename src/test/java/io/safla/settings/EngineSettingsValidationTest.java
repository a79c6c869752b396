package io.safla.settings;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EngineSettingsValidationTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private static EngineSettings with(int retentionDays, double importance, int intervalMinutes) {
        return new EngineSettings(
                "384", 1000, 0.0, "MODERATE", 100, 300, 2, 32, retentionDays, importance, intervalMinutes);
    }

    private static Map<String, String> errors(EngineSettings s) {
        Map<String, String> out = new TreeMap<>();
        for (ConstraintViolation<EngineSettings> v : VALIDATOR.validate(s)) {
            out.put(v.getPropertyPath().toString(), v.getMessage());
        }
        return out;
    }

    @Test
    void validValues_includingTheScheduleOff_passAtTheBoundaries() {
        assertThat(errors(with(1, 0.0, 0))).isEmpty();
        assertThat(errors(with(3650, 1.0, 1440))).isEmpty();
    }

    @Test
    void outOfRangeValues_getTheirOwnMessages() {
        assertThat(errors(with(0, 0.5, 60)))
                .containsExactly(Map.entry("episodicRetentionDays", "must be between 1 and 3650 days"));
        assertThat(errors(with(3651, 0.5, 60))).containsOnlyKeys("episodicRetentionDays");
        assertThat(errors(with(30, 1.01, 60)))
                .containsExactly(Map.entry("importanceThreshold", "must be between 0 and 1"));
        assertThat(errors(with(30, -0.1, 60))).containsOnlyKeys("importanceThreshold");
        assertThat(errors(with(30, 0.5, -1)))
                .containsExactly(Map.entry("consolidationIntervalMinutes", "must be 0 (off) or 1 to 1440 minutes"));
        assertThat(errors(with(30, 0.5, 1441))).containsOnlyKeys("consolidationIntervalMinutes");
    }
}
