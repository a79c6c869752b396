package io.safla.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Health sampling and the seed's health rules.
 *
 * @param sampleInterval how often the sampler reads everything (the panel refreshes at this pace)
 * @param window the "recent window" for request rate, average and p95 response time, error rate
 * @param history how much history the trend sparklines show
 * @param maxMemoryMb the seed's MemoryManager maximum; RSS above {@code unhealthyFraction} of it is unhealthy
 * @param unhealthyFraction share of {@code maxMemoryMb} above which memory is reported DOWN
 * @param cleanupFraction share of {@code maxMemoryMb} above which caches are cleared
 * @param slowAverage average response time above which performance is DEGRADED
 * @param activeWindow a visitor counts as active this long after their last request
 */
@Validated
@ConfigurationProperties("safla.health")
public record HealthProperties(
        @DefaultValue("2s") @NotNull Duration sampleInterval,
        @DefaultValue("5m") @NotNull Duration window,
        @DefaultValue("15m") @NotNull Duration history,
        @DefaultValue("1500") @Min(128) @Max(65536) int maxMemoryMb,

        @DefaultValue("0.8") @DecimalMin("0.1") @DecimalMax("1.0")
        double unhealthyFraction,

        @DefaultValue("0.8") @DecimalMin("0.1") @DecimalMax("1.0")
        double cleanupFraction,

        @DefaultValue("1s") @NotNull Duration slowAverage,
        @DefaultValue("3m") @NotNull Duration activeWindow) {

    public int historySamples() {
        return (int) Math.max(1, history.toMillis() / Math.max(1, sampleInterval.toMillis()));
    }
}
