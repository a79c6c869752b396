package io.safla.memory.semantic;

import java.util.Comparator;
import java.util.Objects;

/**
 * A directed, typed, weighted edge. At most one relation exists per {@code (from, to, type)}.
 *
 * @param weight strength in (0, 1]
 */
public record Relation(String from, String to, RelationType type, double weight) {

    /** Order used for every list of relations this package returns: by from, to, then type. */
    public static final Comparator<Relation> ORDER =
            Comparator.comparing(Relation::from).thenComparing(Relation::to).thenComparing(Relation::type);

    public Relation {
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw new IllegalArgumentException("from and to must not be null or blank");
        }
        Objects.requireNonNull(type, "type");
        if (from.equals(to)) {
            throw new IllegalArgumentException("a concept cannot relate to itself: " + from);
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in (0, 1], got " + weight);
        }
    }

    /**
     * Combines two pieces of evidence for the same relation as a probabilistic OR, {@code 1 - (1-a)(1-b)}: it
     * stays in (0, 1], never decreases, does not depend on the order of the evidence, and saturates towards 1
     * instead of growing without bound.
     */
    public static double combine(double a, double b) {
        return Math.min(1.0, 1 - (1 - a) * (1 - b));
    }
}
