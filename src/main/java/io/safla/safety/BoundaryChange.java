package io.safla.safety;

import java.time.Instant;
import java.util.Objects;

/**
 * One automatic change of a source's risk tolerance.
 *
 * @param at when it happened
 * @param source whose tolerance changed
 * @param oldTolerance before
 * @param newTolerance after
 * @param reason why, e.g. "3 violations within PT10M"
 */
public record BoundaryChange(Instant at, String source, double oldTolerance, double newTolerance, String reason) {

    public BoundaryChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        if (oldTolerance == newTolerance) {
            throw new IllegalArgumentException("a change must change something");
        }
    }
}
