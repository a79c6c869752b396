package io.safla.cognition;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounds on guarded metrics an adaptation may not cross: how far quality and capability may fall, and how much
 * slower answering may get. Latency has an absolute slack as well as a factor, because a mean of a few hundred
 * microseconds moves by more than any sane factor on a busy machine.
 */
public record SafetyGate(
        double maxQualityDrop, double maxCapabilityDrop, double maxLatencyFactor, double latencySlackMicros) {

    public SafetyGate {
        if (!(maxQualityDrop >= 0)
                || !(maxCapabilityDrop >= 0)
                || !(maxLatencyFactor >= 1)
                || !(latencySlackMicros >= 0)) {
            throw new IllegalArgumentException("invalid safety gate bounds");
        }
    }

    public static SafetyGate defaults() {
        return new SafetyGate(0.02, 0.05, 3.0, 20_000);
    }

    /** What the change broke; empty when it passes. */
    public List<String> violations(LoopMetrics before, LoopMetrics after) {
        List<String> out = new ArrayList<>();
        if (before.quality() - after.quality() > maxQualityDrop) {
            out.add(String.format(
                    java.util.Locale.ROOT,
                    "quality fell from %.3f to %.3f (bound %.3f)",
                    before.quality(),
                    after.quality(),
                    maxQualityDrop));
        }
        if (before.capability() - after.capability() > maxCapabilityDrop) {
            out.add(String.format(
                    java.util.Locale.ROOT,
                    "capability fell from %.3f to %.3f (bound %.3f)",
                    before.capability(),
                    after.capability(),
                    maxCapabilityDrop));
        }
        if (after.latencyMicros() > before.latencyMicros() * maxLatencyFactor + latencySlackMicros) {
            out.add(String.format(
                    java.util.Locale.ROOT,
                    "latency rose from %.0f to %.0f us",
                    before.latencyMicros(),
                    after.latencyMicros()));
        }
        return out;
    }
}
