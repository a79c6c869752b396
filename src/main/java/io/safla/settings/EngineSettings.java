package io.safla.settings;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The engine-wide settings a visitor can see and an operator can change at run time, with their allowed ranges.
 *
 * @param dimension vector size: 384 runs all-MiniLM-L6-v2, the others the hashing embedder; a change re-embeds all
 * @param capacity memories kept before the least recently used is evicted (the seed's 10-10 000)
 * @param defaultThreshold the minimum score a search starts with
 * @param safetyLevel the validator's default level
 * @param cacheSize search results kept in the cache
 * @param cacheTtlSeconds how long a cached search result lives
 * @param searchThreads threads that scan large stores
 * @param batchSize texts embedded per model call in bulk work (import, re-embedding, seeding)
 * @param episodicRetentionDays episodes older than this are dropped when consolidation runs
 * @param importanceThreshold how important an episode must be to be consolidated into a concept
 * @param consolidationIntervalMinutes minutes between scheduled consolidations of the shared memory; 0 = off
 */
public record EngineSettings(
        @Pattern(regexp = "384|512|768|1024|1536", message = "must be one of 384, 512, 768, 1024, 1536") @NotNull
        String dimension,

        @Min(value = 10, message = "must be between 10 and 10000")
        @Max(value = 10000, message = "must be between 10 and 10000")
        int capacity,

        @DecimalMin(value = "0.0", message = "must be between 0 and 1")
        @DecimalMax(value = "1.0", message = "must be between 0 and 1")
        double defaultThreshold,

        @Pattern(regexp = "STRICT|MODERATE|PERMISSIVE", message = "must be STRICT, MODERATE or PERMISSIVE") @NotNull
        String safetyLevel,

        @Min(value = 10, message = "must be between 10 and 10000")
        @Max(value = 10000, message = "must be between 10 and 10000")
        int cacheSize,

        @Min(value = 1, message = "must be between 1 and 86400")
        @Max(value = 86400, message = "must be between 1 and 86400")
        int cacheTtlSeconds,

        @Min(value = 1, message = "must be between 1 and 8") @Max(value = 8, message = "must be between 1 and 8")
        int searchThreads,

        @Min(value = 1, message = "must be between 1 and 256") @Max(value = 256, message = "must be between 1 and 256")
        int batchSize,

        @Min(value = 1, message = "must be between 1 and 3650 days")
        @Max(value = 3650, message = "must be between 1 and 3650 days")
        int episodicRetentionDays,

        @DecimalMin(value = "0.0", message = "must be between 0 and 1")
        @DecimalMax(value = "1.0", message = "must be between 0 and 1")
        double importanceThreshold,

        @Min(value = 0, message = "must be 0 (off) or 1 to 1440 minutes")
        @Max(value = 1440, message = "must be 0 (off) or 1 to 1440 minutes")
        int consolidationIntervalMinutes) {

    public int dimensionValue() {
        return Integer.parseInt(dimension);
    }
}
