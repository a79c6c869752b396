package io.safla.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Hard and soft bounds over a metrics snapshot. A missing or non-finite metric is an ERROR, never a
 * zero (the original treated a missing metric as 0, so {@code memory <= limit} passed with no data).
 * The layer has nothing to say about text: when the input carries no snapshot it passes empty.
 */
public final class ConstraintLayer extends FindingLayer {

    public static final String NAME = "constraints";

    private final List<Constraint> constraints;

    public ConstraintLayer(List<Constraint> constraints) {
        super(NAME);
        this.constraints = List.copyOf(constraints);
        Set<String> names = new HashSet<>();
        for (Constraint c : this.constraints) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("duplicate constraint name " + c.name());
            }
        }
    }

    /** Conservative defaults for the engine's host metrics. */
    public static ConstraintLayer defaults() {
        return new ConstraintLayer(List.of(
                Constraint.hard("memory_critical", "memory_used_pct <= 95", Constraint.Action.EMERGENCY_STOP),
                Constraint.hard("cpu_limit", "cpu_pct <= 90", Constraint.Action.ROLLBACK),
                Constraint.hard("error_rate_limit", "error_rate <= 0.2", Constraint.Action.BLOCK),
                Constraint.soft("memory_warning", "memory_used_pct <= 85"),
                Constraint.soft("error_rate_warning", "error_rate <= 0.05"),
                Constraint.soft("latency_warning", "response_time_ms <= 2000")));
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    @Override
    protected List<Finding> find(SafetyInput input) {
        Map<String, Double> metrics = input.metrics();
        return metrics == null ? List.of() : toFindings(check(metrics));
    }

    /** Evaluates every constraint against {@code metrics}; returns one evaluation per constraint, in order. */
    public List<ConstraintEvaluation> check(Map<String, Double> metrics) {
        List<ConstraintEvaluation> out = new ArrayList<>(constraints.size());
        for (Constraint c : constraints) {
            Double v = metrics.get(c.metric());
            if (v == null) {
                out.add(new ConstraintEvaluation(
                        c, ConstraintEvaluation.Status.ERROR, null, "metric " + c.metric() + " missing from snapshot"));
            } else if (!Double.isFinite(v)) {
                out.add(new ConstraintEvaluation(
                        c, ConstraintEvaluation.Status.ERROR, null, "metric " + c.metric() + " is not finite: " + v));
            } else if (c.holds(v)) {
                out.add(new ConstraintEvaluation(
                        c, ConstraintEvaluation.Status.OK, v, c.expression() + " holds (" + v + ")"));
            } else {
                out.add(new ConstraintEvaluation(
                        c,
                        ConstraintEvaluation.Status.VIOLATED,
                        v,
                        c.expression() + " violated: " + c.metric() + " = " + v));
            }
        }
        return List.copyOf(out);
    }

    /** The most escalated action any evaluation requires, if any. */
    public static Optional<Constraint.Action> requiredAction(List<ConstraintEvaluation> evaluations) {
        return evaluations.stream()
                .map(ConstraintEvaluation::requiredAction)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
    }

    static List<Finding> toFindings(List<ConstraintEvaluation> evaluations) {
        List<Finding> out = new ArrayList<>();
        for (ConstraintEvaluation e : evaluations) {
            if (e.status() == ConstraintEvaluation.Status.OK) {
                continue;
            }
            Constraint c = e.constraint();
            boolean hard = c.type() == Constraint.Type.HARD;
            boolean error = e.status() == ConstraintEvaluation.Status.ERROR;
            Severity sev =
                    hard ? (error ? Severity.HIGH : Severity.CRITICAL) : (error ? Severity.LOW : Severity.MEDIUM);
            String rule = (error ? "constraint.error." : "constraint.violated.") + c.name();
            String msg = (error ? "ERROR: " : "") + e.message() + " -> " + c.action();
            out.add(new Finding(NAME, rule, Category.CONSTRAINT, sev, msg, 0, 0, hard, 1.0));
        }
        return out;
    }
}
