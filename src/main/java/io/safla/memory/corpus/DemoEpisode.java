package io.safla.memory.corpus;

import io.safla.memory.episodic.Episode;
import io.safla.memory.episodic.EpisodeKind;
import io.safla.memory.episodic.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An episode placed relative to load time, so the timeline always shows a recent history.
 *
 * @param ago how long before "now" it happened, ISO-8601 in the file (e.g. {@code P2DT3H}); not negative
 */
public record DemoEpisode(
        String id, String text, EpisodeKind kind, double valence, double importance, Duration ago, Set<String> tags) {

    public DemoEpisode {
        DemoChecks.text(id, "episode id");
        DemoChecks.text(text, "episode " + id + " text");
        Objects.requireNonNull(kind, "episode " + id + " kind");
        if (!(valence >= -1 && valence <= 1)) {
            throw new IllegalArgumentException("episode " + id + " valence must be in [-1, 1], got " + valence);
        }
        DemoChecks.unit(importance, "episode " + id + " importance");
        if (ago == null || ago.isNegative()) {
            throw new IllegalArgumentException("episode " + id + " ago must be >= 0, got " + ago);
        }
        tags = Tags.normalise(Objects.requireNonNull(tags, "tags"));
    }

    /** The episode as it happened {@code ago} before {@code now}. */
    public Episode at(Instant now) {
        return new Episode(id, text, kind, valence, importance, now.minus(ago), tags);
    }
}
