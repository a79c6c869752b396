package io.safla.cognition;

/**
 * How much each delta component counts in one context. Non-negative and summing to 1 (within 1e-9), so the total
 * delta stays in [-1, 1] like its components.
 */
public record DeltaWeights(double performance, double efficiency, double stability, double capability) {

    public DeltaWeights {
        double[] all = {performance, efficiency, stability, capability};
        double sum = 0;
        for (double w : all) {
            if (!(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException("each delta weight must be in [0, 1], got " + w);
            }
            sum += w;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("delta weights must sum to 1, got " + sum);
        }
    }

    /** Answer quality first: for interactive search. */
    public static DeltaWeights interactive() {
        return new DeltaWeights(0.5, 0.1, 0.2, 0.2);
    }

    /** Speed counts more: for bulk or background use. */
    public static DeltaWeights throughput() {
        return new DeltaWeights(0.3, 0.4, 0.15, 0.15);
    }
}
