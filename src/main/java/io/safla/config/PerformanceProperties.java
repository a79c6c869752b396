package io.safla.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Performance settings of the JSON profile ({@code performance} section).
 *
 * @param maxConcurrentOperations engine operations run at once (benchmarks, re-embedding)
 * @param cacheTimeoutSeconds lifetime of a cached search result ({@code CACHE_TIMEOUT})
 * @param cacheSize search results kept in the cache
 * @param batchSize texts embedded per model call
 * @param optimizationLevel trade-off between start-up cost and search speed
 */
@Validated
@ConfigurationProperties("safla.performance")
public record PerformanceProperties(
        @DefaultValue("10") @Min(1) @Max(64) int maxConcurrentOperations,
        @DefaultValue("300") @Min(1) @Max(86400) int cacheTimeoutSeconds,
        @DefaultValue("100") @Min(10) @Max(10000) int cacheSize,
        @DefaultValue("5") @Min(1) @Max(256) int batchSize,
        @DefaultValue("balanced") @NotNull OptimizationLevel optimizationLevel) {

    public Duration cacheTimeout() {
        return Duration.ofSeconds(cacheTimeoutSeconds);
    }

    public enum OptimizationLevel {
        MINIMAL,
        BALANCED,
        AGGRESSIVE
    }
}
