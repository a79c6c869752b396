package io.safla.safety;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Result of checking one constraint against one snapshot.
 *
 * @param constraint the constraint
 * @param status OK, VIOLATED, or ERROR when the metric is missing or not a number
 * @param observed the metric value, or null when missing
 * @param message human-readable outcome
 */
public record ConstraintEvaluation(
        Constraint constraint, Status status, @Nullable Double observed, String message) {

    public ConstraintEvaluation {
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        if (status != Status.ERROR && observed == null) {
            throw new IllegalArgumentException(status + " needs an observed value");
        }
    }

    public enum Status {
        OK,
        VIOLATED,
        ERROR
    }

    /**
     * The action this outcome requires, if any. An ERROR on a HARD constraint fails closed: we
     * cannot show the bound holds, so its action applies.
     */
    public Constraint.@Nullable Action requiredAction() {
        return status == Status.OK ? null : constraint.action();
    }
}
