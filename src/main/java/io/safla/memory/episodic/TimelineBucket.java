package io.safla.memory.episodic;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Episodes in {@code [start, end)}, for a chart.
 *
 * @param counts one entry per {@link EpisodeKind}, zero included, in enum order
 * @param meanValence mean valence of the bucket's episodes; 0 when {@code total} is 0
 */
public record TimelineBucket(
        Instant start, Instant end, Map<EpisodeKind, Integer> counts, int total, double meanValence) {

    public TimelineBucket {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
        EnumMap<EpisodeKind, Integer> copy = new EnumMap<>(EpisodeKind.class);
        for (EpisodeKind k : EpisodeKind.values()) {
            copy.put(k, counts.getOrDefault(k, 0));
        }
        counts = Collections.unmodifiableMap(copy);
        if (total != copy.values().stream().mapToInt(Integer::intValue).sum()) {
            throw new IllegalArgumentException("total " + total + " does not match counts " + copy);
        }
    }
}
