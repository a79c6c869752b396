package io.safla.memory.episodic;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filter for {@link EpisodicMemory#query}: time range {@code [from, to)} (null = unbounded), kinds (empty = all),
 * and a minimum absolute valence (0 = any), so "strong experiences, good or bad" is one query.
 */
public record EpisodeQuery(@Nullable Instant from, @Nullable Instant to, Set<EpisodeKind> kinds, double minAbsValence) {

    public EpisodeQuery {
        kinds = Set.copyOf(Objects.requireNonNull(kinds, "kinds"));
        if (!(minAbsValence >= 0 && minAbsValence <= 1)) {
            throw new IllegalArgumentException("minAbsValence must be in [0, 1], got " + minAbsValence);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
    }

    public static EpisodeQuery all() {
        return new EpisodeQuery(null, null, Set.of(), 0);
    }

    public EpisodeQuery between(Instant newFrom, Instant newTo) {
        return new EpisodeQuery(newFrom, newTo, kinds, minAbsValence);
    }

    public EpisodeQuery ofKinds(EpisodeKind first, EpisodeKind... rest) {
        return new EpisodeQuery(from, to, EnumSet.of(first, rest), minAbsValence);
    }

    public EpisodeQuery withMinAbsValence(double min) {
        return new EpisodeQuery(from, to, kinds, min);
    }

    boolean matches(Episode e) {
        return (from == null || !e.occurredAt().isBefore(from))
                && (to == null || e.occurredAt().isBefore(to))
                && (kinds.isEmpty() || kinds.contains(e.kind()))
                && Math.abs(e.valence()) >= minAbsValence;
    }
}
