package io.safla.safety;

import java.util.Collection;

/** Turns findings into risks. */
final class Scoring {

    private Scoring() {}

    /**
     * Noisy-OR of the findings' weights: each finding is treated as independent evidence, so more
     * findings can only raise risk (which keeps the verdict monotonic in the finding set) and the
     * result stays below 1 unless a finding has weight 1.
     */
    static double noisyOr(Collection<Finding> findings) {
        double safe = 1.0;
        for (Finding f : findings) {
            safe *= 1.0 - f.weight();
        }
        return clamp(1.0 - safe);
    }

    static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
