package io.safla.memory.episodic;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to rebuild an {@link EpisodicMemory}.
 *
 * @param nextId the counter behind generated {@code ep-N} ids, kept so restored memories never reuse an id
 * @param episodes oldest first
 */
public record EpisodicState(int maxEpisodes, Duration retention, long nextId, List<Episode> episodes) {

    public EpisodicState {
        Objects.requireNonNull(retention, "retention");
        episodes = List.copyOf(episodes);
        if (nextId < 1) {
            throw new IllegalArgumentException("nextId must be >= 1");
        }
    }
}
