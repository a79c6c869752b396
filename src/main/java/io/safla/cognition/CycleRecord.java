package io.safla.cognition;

import java.time.Instant;
import java.util.List;

/**
 * One cycle of the loop: its inputs, what it decided, and the outcome.
 *
 * @param adaptation what the cycle tried, in words
 * @param judgements the feedback the cycle learned from (inputs); empty for a proposed change
 * @param decisions the strategy chosen per judged query and the reward it earned
 * @param checkpointId the learner checkpoint taken before adapting (restored on rollback)
 * @param violations why the safety gate refused the change; empty when kept
 */
public record CycleRecord(
        long cycle,
        Instant at,
        String context,
        String adaptation,
        List<Judgement> judgements,
        List<Decision> decisions,
        double hybridWeightBefore,
        double hybridWeightAfter,
        double thresholdBefore,
        double thresholdAfter,
        LoopMetrics before,
        LoopMetrics after,
        Delta delta,
        Outcome outcome,
        List<String> violations,
        long checkpointId) {

    public CycleRecord {
        judgements = List.copyOf(judgements);
        decisions = List.copyOf(decisions);
        violations = List.copyOf(violations);
    }

    /** Whether the adaptation stayed. */
    public enum Outcome {
        KEPT,
        ROLLED_BACK
    }

    /** The strategy chosen for one query and the reward its answer earned. */
    public record Decision(String query, String strategy, double reward) {}
}
