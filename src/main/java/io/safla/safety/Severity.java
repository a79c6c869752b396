package io.safla.safety;

/** Ordered severity of a finding; {@link #compareTo} gives the order LOW &lt; CRITICAL. */
public enum Severity {
    LOW(0.15),
    MEDIUM(0.35),
    HIGH(0.70),
    CRITICAL(0.95);

    private final double weight;

    Severity(double weight) {
        this.weight = weight;
    }

    /** Probability-like contribution of one finding of this severity to its category risk. */
    public double weight() {
        return weight;
    }

    /** Returns the more severe of the two. */
    public Severity max(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
