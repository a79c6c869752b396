package io.safla.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Summary of per-operation latencies. Percentiles use the nearest-rank method (the smallest value with at least
 * p% of the samples at or below it), so every reported value is a measured one.
 */
public record LatencyStats(
        int count,
        double p50Micros,
        double p95Micros,
        double p99Micros,
        double meanMicros,
        double minMicros,
        double maxMicros,
        Histogram histogram) {

    static final int BUCKETS = 20;

    public static LatencyStats empty() {
        return new LatencyStats(0, 0, 0, 0, 0, 0, 0, Histogram.empty());
    }

    /** Summarises the first {@code count} entries of {@code nanos} (not modified). */
    public static LatencyStats ofNanos(long[] nanos, int count) {
        if (count <= 0) {
            return empty();
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new LatencyStats(
                count,
                micros(percentile(sorted, 50)),
                micros(percentile(sorted, 95)),
                micros(percentile(sorted, 99)),
                sum / count / 1000.0,
                micros(sorted[0]),
                micros(sorted[count - 1]),
                histogram(sorted));
    }

    /** Nearest-rank percentile of an ascending array; {@code p} in (0, 100]. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    private static Histogram histogram(long[] sorted) {
        double lo = Math.max(0.001, micros(sorted[0]));
        double hi = Math.max(lo * 1.000001, micros(sorted[sorted.length - 1]));
        double ratio = Math.pow(hi / lo, 1.0 / BUCKETS);
        List<Double> edges = new ArrayList<>(BUCKETS + 1);
        for (int i = 0; i <= BUCKETS; i++) {
            edges.add(i == BUCKETS ? hi : lo * Math.pow(ratio, i));
        }
        long[] counts = new long[BUCKETS];
        double logLo = Math.log(lo);
        double logRatio = Math.log(ratio);
        for (long v : sorted) {
            double us = Math.max(lo, micros(v));
            int b = (int) ((Math.log(us) - logLo) / logRatio);
            counts[Math.max(0, Math.min(BUCKETS - 1, b))]++;
        }
        return new Histogram(edges, Arrays.stream(counts).boxed().toList());
    }
}
