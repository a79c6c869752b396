package io.safla.cognition;

import java.util.List;

/**
 * What the loop knows about itself at one moment.
 *
 * @param goals what it is trying to reach and how far it got
 * @param confidence in [0, 1]: the mean certainty of its strategy choice over the guard queries
 * @param strategies per-strategy pulls and mean reward
 * @param recentAdaptations the latest cycles, newest first
 */
public record SelfAwareness(
        List<Goal> goals,
        double confidence,
        List<AdaptiveRetrieval.StrategyStats> strategies,
        double hybridWeight,
        double threshold,
        int guardQueries,
        long cycles,
        long rollbacks,
        double deltaTrend,
        List<CycleRecord> recentAdaptations) {

    public SelfAwareness {
        goals = List.copyOf(goals);
        strategies = List.copyOf(strategies);
        recentAdaptations = List.copyOf(recentAdaptations);
    }

    /**
     * A goal with a target, the current value and progress in [0, 1] (current over target, capped; for a goal to
     * stay low, target over current).
     */
    public record Goal(String name, double target, double current, boolean lowerIsBetter) {
        public double progress() {
            if (lowerIsBetter) {
                return current <= target ? 1 : Math.max(0, target / current);
            }
            return target <= 0 ? 1 : Math.max(0, Math.min(1, current / target));
        }
    }
}
