package io.safla.memory.hybrid;

import io.safla.memory.consolidation.ConsolidationPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * How the shared store is consolidated; the run-time values behind the three settings of the same names.
 *
 * @param episodicRetentionDays episodes older than this many days are dropped when consolidation runs
 * @param importanceThreshold an episode at least this important takes part in clustering into concepts
 * @param intervalMinutes minutes between scheduled runs; 0 turns the schedule off
 */
public record ConsolidationSettings(int episodicRetentionDays, double importanceThreshold, int intervalMinutes) {

    public static final int MAX_RETENTION_DAYS = 3650;
    public static final int MAX_INTERVAL_MINUTES = 1440;

    public ConsolidationSettings {
        if (episodicRetentionDays < 1 || episodicRetentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("episodic retention must be between 1 and " + MAX_RETENTION_DAYS
                    + " days, got " + episodicRetentionDays);
        }
        if (!(importanceThreshold >= 0 && importanceThreshold <= 1)) {
            throw new IllegalArgumentException(
                    "importance threshold must be between 0 and 1, got " + importanceThreshold);
        }
        if (intervalMinutes < 0 || intervalMinutes > MAX_INTERVAL_MINUTES) {
            throw new IllegalArgumentException("consolidation interval must be 0 (off) or 1 to " + MAX_INTERVAL_MINUTES
                    + " minutes, got " + intervalMinutes);
        }
    }

    /**
     * 30 days as the production profile's {@code retention_days} (the service takes the configured value); the
     * importance threshold is the consolidator's tuned default; hourly runs are cheap because a run that would
     * change nothing takes no checkpoint.
     */
    public static ConsolidationSettings defaults() {
        return new ConsolidationSettings(30, ConsolidationPolicy.defaults().episodicToSemanticImportance(), 60);
    }

    public Duration retention() {
        return Duration.ofDays(episodicRetentionDays);
    }

    public Optional<Duration> interval() {
        return intervalMinutes == 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(intervalMinutes));
    }

    /** The consolidator's tuned defaults with this importance threshold. */
    public ConsolidationPolicy policy() {
        ConsolidationPolicy d = ConsolidationPolicy.defaults();
        return new ConsolidationPolicy(
                d.workingToEpisodicAttention(),
                importanceThreshold,
                d.clusterSimilarity(),
                d.minClusterSize(),
                d.relatedSimilarity());
    }
}
