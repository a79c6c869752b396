package io.safla.benchmark;

import java.util.List;

/**
 * Latency counts per bucket: bucket {@code i} holds values in {@code [edges[i], edges[i+1])}, the last bucket also
 * its upper edge. Edges are in microseconds and grow geometrically, so one chart shows both the body and the tail.
 */
public record Histogram(List<Double> edgesMicros, List<Long> counts) {

    public Histogram {
        edgesMicros = List.copyOf(edgesMicros);
        counts = List.copyOf(counts);
        if (!counts.isEmpty() && edgesMicros.size() != counts.size() + 1) {
            throw new IllegalArgumentException(
                    "need one more edge than counts: " + edgesMicros.size() + " edges, " + counts.size() + " counts");
        }
    }

    public static Histogram empty() {
        return new Histogram(List.of(), List.of());
    }

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
