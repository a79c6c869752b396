package io.safla.monitor;

/** A component's or the whole app's health, in severity order. */
public enum HealthLevel {
    UP,
    DEGRADED,
    DOWN;

    /** The more severe of the two. */
    public HealthLevel worst(HealthLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
