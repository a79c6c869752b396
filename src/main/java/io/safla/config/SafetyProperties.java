package io.safla.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Safety settings of the JSON profile ({@code safety} section).
 *
 * @param enabled run the validator on user input
 * @param levels per-layer thresholds in [0, 1]; a layer score below its threshold fails the layer
 * @param riskTolerance the default validation level
 */
@Validated
@ConfigurationProperties("safla.safety")
public record SafetyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue @Valid Levels levels,
        @DefaultValue("moderate") @NotNull RiskTolerance riskTolerance) {

    public record Levels(
            @DefaultValue("0.8") @DecimalMin("0.0") @DecimalMax("1.0")
            double content,

            @DefaultValue("0.7") @DecimalMin("0.0") @DecimalMax("1.0")
            double behavior,

            @DefaultValue("0.6") @DecimalMin("0.0") @DecimalMax("1.0")
            double context) {}

    public enum RiskTolerance {
        STRICT,
        MODERATE,
        PERMISSIVE
    }
}
