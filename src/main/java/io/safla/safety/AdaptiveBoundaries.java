package io.safla.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-source risk tolerance that tightens after repeated violations and slowly returns to the
 * configured value after a quiet period. It never goes above the configured tolerance nor below
 * the configured floor: adaptation can only make the validator stricter.
 *
 * <p>Implementation notes: each source keeps the instants of its recent violations; when
 * {@code violationsToTighten} fall inside {@code window} and the last change is older than
 * {@code cooldown}, the tolerance drops by {@code step}. After {@code relaxAfter} without a
 * violation it rises by one step, capped at the configured value. Sources are kept in an LRU map
 * of bounded size and the change history is bounded, so memory stays flat under many sources.
 * Thread-safe by synchronising on this object; calls are short.
 */
public final class AdaptiveBoundaries {

    static final int MAX_SOURCES = 10_000;
    static final int MAX_HISTORY = 1_000;

    private final Clock clock;
    private final Policy policy;
    private final Map<String, SourceState> sources = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SourceState> eldest) {
            return size() > MAX_SOURCES;
        }
    };
    private final Deque<BoundaryChange> history = new ArrayDeque<>();

    /**
     * @param tolerance configured (and maximum) risk tolerance
     * @param floor lowest tolerance adaptation may reach
     * @param step amount of one tightening or relaxation
     * @param violationsToTighten violations within {@code window} that trigger a tightening
     * @param window look-back for counting violations
     * @param cooldown minimum time between two changes for one source
     * @param relaxAfter quiet time after which one step is given back
     */
    public record Policy(
            double tolerance,
            double floor,
            double step,
            int violationsToTighten,
            Duration window,
            Duration cooldown,
            Duration relaxAfter) {

        public Policy {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(cooldown, "cooldown");
            Objects.requireNonNull(relaxAfter, "relaxAfter");
            if (!(floor >= 0 && floor <= tolerance && tolerance <= 1)) {
                throw new IllegalArgumentException("need 0 <= floor <= tolerance <= 1");
            }
            if (!(step > 0)
                    || violationsToTighten < 1
                    || window.isNegative()
                    || window.isZero()
                    || cooldown.isNegative()
                    || relaxAfter.isNegative()
                    || relaxAfter.isZero()) {
                throw new IllegalArgumentException("step, violationsToTighten, window and relaxAfter must be positive");
            }
        }

        public static Policy defaults() {
            return new Policy(0.35, 0.10, 0.05, 3, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofHours(1));
        }
    }

    private static final class SourceState {
        final Deque<Instant> violations = new ArrayDeque<>();
        double tolerance;
        Instant lastChange = Instant.MIN;
        Instant lastViolation = Instant.MIN;

        SourceState(double tolerance) {
            this.tolerance = tolerance;
        }
    }

    public AdaptiveBoundaries(Clock clock, Policy policy) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Policy policy() {
        return policy;
    }

    /** Current tolerance for {@code source}, after giving back steps earned by quiet time. */
    public synchronized double tolerance(String source) {
        SourceState s = sources.get(source);
        if (s == null) {
            return policy.tolerance();
        }
        relax(source, s, clock.instant());
        return s.tolerance;
    }

    /** Records one outcome for {@code source}; returns the change it caused, if any. */
    public synchronized Optional<BoundaryChange> record(String source, boolean violation) {
        Instant now = clock.instant();
        SourceState s = sources.computeIfAbsent(source, k -> new SourceState(policy.tolerance()));
        relax(source, s, now);
        if (!violation) {
            return Optional.empty();
        }
        s.lastViolation = now;
        s.violations.addLast(now);
        Instant cutoff = now.minus(policy.window());
        while (!s.violations.isEmpty() && s.violations.peekFirst().isBefore(cutoff)) {
            s.violations.removeFirst();
        }
        boolean cooled = !now.isBefore(s.lastChange.equals(Instant.MIN) ? now : s.lastChange.plus(policy.cooldown()));
        if (s.violations.size() >= policy.violationsToTighten() && cooled && s.tolerance > policy.floor()) {
            double old = s.tolerance;
            s.tolerance = Math.max(policy.floor(), round(old - policy.step()));
            s.lastChange = now;
            int n = s.violations.size();
            s.violations.clear();
            return Optional.of(
                    change(now, source, old, s.tolerance, n + " violations within " + policy.window() + ": tightened"));
        }
        return Optional.empty();
    }

    /** Every change so far, oldest first (bounded to the last {@value #MAX_HISTORY}). */
    public synchronized List<BoundaryChange> history() {
        return List.copyOf(new ArrayList<>(history));
    }

    private void relax(String source, SourceState s, Instant now) {
        if (s.tolerance >= policy.tolerance() || s.lastViolation.equals(Instant.MIN)) {
            return;
        }
        Instant quietSince = s.lastViolation.isAfter(s.lastChange) ? s.lastViolation : s.lastChange;
        long steps = Duration.between(quietSince, now).dividedBy(policy.relaxAfter());
        if (steps <= 0) {
            return;
        }
        double old = s.tolerance;
        s.tolerance = Math.min(policy.tolerance(), round(old + steps * policy.step()));
        s.lastChange = quietSince.plus(policy.relaxAfter().multipliedBy(steps));
        change(
                now,
                source,
                old,
                s.tolerance,
                "no violation for " + policy.relaxAfter().multipliedBy(steps) + ": relaxed");
    }

    private BoundaryChange change(Instant at, String source, double old, double now, String reason) {
        BoundaryChange c = new BoundaryChange(at, source, old, now, reason);
        history.addLast(c);
        if (history.size() > MAX_HISTORY) {
            history.removeFirst();
        }
        return c;
    }

    /** Keeps repeated +/- step arithmetic from drifting (0.35 - 0.05 - 0.05 != 0.25 in binary). */
    private static double round(double v) {
        return Math.round(v * 1e9) / 1e9;
    }
}
