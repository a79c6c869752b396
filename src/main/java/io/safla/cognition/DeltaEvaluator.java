package io.safla.cognition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns two observations into a {@link Delta} with per-context weights, and keeps the history and its trend.
 * Not thread-safe: the loop calls it under its own lock.
 */
public final class DeltaEvaluator {

    private static final double EPSILON = 1e-9;

    private final Map<String, DeltaWeights> weightsByContext = new HashMap<>();
    private final List<Delta> history = new ArrayList<>();
    private final int historyLimit;

    public DeltaEvaluator(Map<String, DeltaWeights> weightsByContext, int historyLimit) {
        if (weightsByContext.isEmpty() || historyLimit < 1) {
            throw new IllegalArgumentException("need at least one context and a positive history limit");
        }
        this.weightsByContext.putAll(weightsByContext);
        this.historyLimit = historyLimit;
    }

    public static DeltaEvaluator withDefaults() {
        return new DeltaEvaluator(
                Map.of("interactive", DeltaWeights.interactive(), "throughput", DeltaWeights.throughput()), 500);
    }

    /** Relative change (after - before) / |before|, clipped to [-1, 1]; from zero, any rise counts as +1. */
    public static double relativeChange(double before, double after) {
        if (Math.abs(before) < EPSILON) {
            return Math.abs(after) < EPSILON ? 0 : Math.signum(after);
        }
        return clip((after - before) / Math.abs(before));
    }

    public Delta evaluate(LoopMetrics before, LoopMetrics after, String context) {
        DeltaWeights w = weightsByContext.get(context);
        if (w == null) {
            throw new IllegalArgumentException(
                    "no delta weights for context " + context + "; known: " + weightsByContext.keySet());
        }
        double performance = relativeChange(before.quality(), after.quality());
        double efficiency = -relativeChange(before.latencyMicros(), after.latencyMicros());
        double stability = relativeChange(before.stability(), after.stability());
        double capability = relativeChange(before.capability(), after.capability());
        double total = clip(w.performance() * performance
                + w.efficiency() * efficiency
                + w.stability() * stability
                + w.capability() * capability);
        Delta delta = new Delta(context, performance, efficiency, stability, capability, total);
        history.add(delta);
        if (history.size() > historyLimit) {
            history.remove(0);
        }
        return delta;
    }

    public List<Delta> history() {
        return List.copyOf(history);
    }

    /**
     * Least-squares slope of the total delta over the last {@code window} evaluations, per evaluation: positive
     * when recent changes judge better and better. 0 with fewer than two.
     */
    public double trend(int window) {
        int n = Math.min(window, history.size());
        if (n < 2) {
            return 0;
        }
        List<Delta> recent = history.subList(history.size() - n, history.size());
        double meanX = (n - 1) / 2.0;
        double meanY = recent.stream().mapToDouble(Delta::total).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - meanX) * (recent.get(i).total() - meanY);
            den += (i - meanX) * (i - meanX);
        }
        return num / den;
    }

    private static double clip(double x) {
        return Math.max(-1, Math.min(1, x));
    }
}
