package io.safla.benchmark;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The result of one run. Latencies are per operation, in microseconds; {@code recallAtK} is the mean fraction of
 * the brute-force top-k ids returned (only for vector search); a cancelled report covers the operations timed
 * before the cancel.
 *
 * @param id           unique within this process, for selection and export
 * @param spec         the parameters and seed as requested
 * @param operations   operations timed
 * @param opsPerSecond operations divided by the timed phase's wall time
 * @param note         what exactly was measured, when the suite name alone does not say (e.g. capped API calls)
 */
public record BenchmarkReport(
        String id,
        BenchmarkSpec spec,
        int operations,
        double p50Micros,
        double p95Micros,
        double p99Micros,
        double meanMicros,
        double minMicros,
        double maxMicros,
        double opsPerSecond,
        @Nullable Double recallAtK,
        Histogram histogram,
        MachineInfo machine,
        Instant started,
        Instant finished,
        boolean cancelled,
        String note) {

    public BenchmarkReport {
        if (id == null
                || spec == null
                || histogram == null
                || machine == null
                || started == null
                || finished == null
                || note == null) {
            throw new IllegalArgumentException("id, spec, histogram, machine, started, finished and note are required");
        }
        if (operations < 0 || opsPerSecond < 0) {
            throw new IllegalArgumentException("operations and opsPerSecond must not be negative");
        }
        if (recallAtK != null && !(recallAtK >= 0 && recallAtK <= 1)) {
            throw new IllegalArgumentException("recallAtK must be in [0, 1], got " + recallAtK);
        }
    }

    public BenchmarkSuite suite() {
        return spec.suite();
    }

    public long seed() {
        return spec.seed();
    }

    public Duration elapsed() {
        return Duration.between(started, finished);
    }
}
