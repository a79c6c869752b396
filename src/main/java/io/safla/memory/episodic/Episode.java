package io.safla.memory.episodic;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One remembered experience.
 *
 * @param valence how good (+1) or bad (-1) the experience was, in [-1, 1]
 * @param importance how much it should matter to consolidation, in [0, 1]
 * @param tags normalised by {@link Tags#normalise}
 */
public record Episode(
        String id,
        String text,
        EpisodeKind kind,
        double valence,
        double importance,
        Instant occurredAt,
        Set<String> tags) {

    public Episode {
        requireNonBlank(id, "id");
        requireNonBlank(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (!(valence >= -1 && valence <= 1)) {
            throw new IllegalArgumentException("valence must be in [-1, 1], got " + valence);
        }
        if (!(importance >= 0 && importance <= 1)) {
            throw new IllegalArgumentException("importance must be in [0, 1], got " + importance);
        }
        tags = Tags.normalise(Objects.requireNonNull(tags, "tags"));
    }

    private static void requireNonBlank(String s, String name) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
    }
}
