package io.safla.safety;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bound on one system metric, e.g. {@code cpu_pct <= 90}. The constraint <em>holds</em> when
 * {@code metric operator threshold} is true.
 *
 * @param name unique name
 * @param metric metric key in the snapshot, e.g. {@code memory_used_pct}
 * @param operator comparison
 * @param threshold bound
 * @param type HARD (enforced by its action) or SOFT (warns)
 * @param action what a violation requires; SOFT constraints always WARN
 */
public record Constraint(String name, String metric, Operator operator, double threshold, Type type, Action action) {

    private static final Pattern EXPRESSION = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(<=|>=|==|<|>)\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*");

    public Constraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        if (name.isBlank() || metric.isBlank()) {
            throw new IllegalArgumentException("name and metric must not be blank");
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite");
        }
        if (type == Type.SOFT && action != Action.WARN) {
            throw new IllegalArgumentException("a SOFT constraint can only WARN, got " + action);
        }
        if (type == Type.HARD && action == Action.WARN) {
            throw new IllegalArgumentException("a HARD constraint needs BLOCK, ROLLBACK or EMERGENCY_STOP");
        }
    }

    /** Parses {@code "metric op threshold"}; throws {@link IllegalArgumentException} on anything else. */
    public static Constraint parse(String name, String expression, Type type, Action action) {
        Matcher m = EXPRESSION.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("not 'metric op number': " + expression);
        }
        return new Constraint(
                name, m.group(1), Operator.fromSymbol(m.group(2)), Double.parseDouble(m.group(3)), type, action);
    }

    public static Constraint hard(String name, String expression, Action action) {
        return parse(name, expression, Type.HARD, action);
    }

    public static Constraint soft(String name, String expression) {
        return parse(name, expression, Type.SOFT, Action.WARN);
    }

    /** True if {@code value} satisfies the constraint. */
    public boolean holds(double value) {
        return operator.test(value, threshold);
    }

    public String expression() {
        return metric + ' ' + operator.symbol() + ' ' + threshold;
    }

    public enum Type {
        HARD,
        SOFT
    }

    /** Ordered by escalation, so the worst required action is the maximum. */
    public enum Action {
        WARN,
        BLOCK,
        ROLLBACK,
        EMERGENCY_STOP
    }

    public enum Operator {
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">="),
        EQ("==");

        /** Tolerance for == on measured doubles; exact equality would never hold after arithmetic. */
        static final double EQ_EPSILON = 1e-9;

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean test(double value, double threshold) {
            return switch (this) {
                case LT -> value < threshold;
                case LE -> value <= threshold;
                case GT -> value > threshold;
                case GE -> value >= threshold;
                case EQ -> Math.abs(value - threshold) <= EQ_EPSILON * Math.max(1.0, Math.abs(threshold));
            };
        }

        public static Operator fromSymbol(String s) {
            for (Operator o : values()) {
                if (o.symbol.equals(s)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown operator " + s);
        }
    }
}
