package io.safla.cognition;

/**
 * The judged change between two observations. Each component is a relative change clipped to [-1, 1], positive
 * when things got better (for efficiency: when latency fell).
 *
 * @param context which weights were applied
 * @param total the weighted sum, in [-1, 1]
 */
public record Delta(
        String context, double performance, double efficiency, double stability, double capability, double total) {

    /** Counted as an improvement only above this, so measurement noise in latency does not count. */
    public static final double IMPROVEMENT_MARGIN = 1e-3;

    public boolean isImprovement() {
        return total > IMPROVEMENT_MARGIN;
    }
}
