package io.safla.safety;

/**
 * How strict a validation is. A stricter level runs a superset of the rules of a looser one and
 * uses thresholds that are lower or equal, so anything flagged at a loose level is also flagged at
 * a stricter one.
 */
public enum SafetyLevel {
    PERMISSIVE,
    MODERATE,
    STRICT;

    public static final SafetyLevel DEFAULT = MODERATE;

    /** True if this level is at least as strict as {@code other}, i.e. runs every rule {@code other} runs. */
    public boolean atLeast(SafetyLevel other) {
        return compareTo(other) >= 0;
    }

    /** Picks one of three values by level; callers pass them loosest last so a reader sees the order. */
    public double pick(double strict, double moderate, double permissive) {
        return switch (this) {
            case STRICT -> strict;
            case MODERATE -> moderate;
            case PERMISSIVE -> permissive;
        };
    }

    /** Integer variant of {@link #pick(double, double, double)}. */
    public int pick(int strict, int moderate, int permissive) {
        return switch (this) {
            case STRICT -> strict;
            case MODERATE -> moderate;
            case PERMISSIVE -> permissive;
        };
    }
}
