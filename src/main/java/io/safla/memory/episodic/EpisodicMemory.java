package io.safla.memory.episodic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A bounded, time-ordered store of {@link Episode}s. Thread-safe.
 *
 * <p>Two limits apply, both on {@link #add} and (retention only) on an explicit {@link #expire()}; nothing runs in
 * the background, so between those calls stale episodes stay visible and a test controls exactly when they go:
 * <ul>
 *   <li><b>retention</b>: an episode with {@code occurredAt < now - retention} is dropped; adding one that is
 *       already that old is rejected;</li>
 *   <li><b>capacity</b>: after an insert, the oldest episodes (by {@code occurredAt}, then id) are dropped until
 *       at most {@code maxEpisodes} remain. A back-dated insert into a full memory can therefore drop itself.</li>
 * </ul>
 */
public final class EpisodicMemory {

    /** Timelines are for charts; more buckets than this is a caller bug, not a chart. */
    public static final int MAX_TIMELINE_BUCKETS = 10_000;

    private static final Comparator<Episode> OLDEST_FIRST =
            Comparator.comparing(Episode::occurredAt).thenComparing(Episode::id);

    private final int maxEpisodes;
    private final Duration retention;
    private final Clock clock;
    private final TreeSet<Episode> byTime = new TreeSet<>(OLDEST_FIRST);
    private final Map<String, Episode> byId = new HashMap<>();
    private long nextId = 1;

    public EpisodicMemory(int maxEpisodes, Duration retention, Clock clock) {
        if (maxEpisodes < 1) {
            throw new IllegalArgumentException("maxEpisodes must be >= 1, got " + maxEpisodes);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, got " + retention);
        }
        this.maxEpisodes = maxEpisodes;
        this.retention = retention;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Rebuilds a memory from {@link #state()}; does not expire anything until the next add or expire. */
    public static EpisodicMemory restore(EpisodicState state, Clock clock) {
        EpisodicMemory m = new EpisodicMemory(state.maxEpisodes(), state.retention(), clock);
        if (state.episodes().size() > state.maxEpisodes()) {
            throw new IllegalArgumentException("state holds more episodes than maxEpisodes");
        }
        for (Episode e : state.episodes()) {
            if (m.byId.putIfAbsent(e.id(), e) != null) {
                throw new IllegalArgumentException("duplicate episode id in state: " + e.id());
            }
            m.byTime.add(e);
        }
        m.nextId = state.nextId();
        return m;
    }

    /** Returns an immutable snapshot of the whole memory, episodes oldest first. */
    public synchronized EpisodicState state() {
        return new EpisodicState(maxEpisodes, retention, nextId, List.copyOf(byTime));
    }

    /** Stores a new episode under a generated {@code ep-N} id and returns that id. */
    public synchronized String add(
            String text, EpisodeKind kind, double valence, double importance, Instant occurredAt, Set<String> tags) {
        String id;
        do {
            id = "ep-" + nextId++;
        } while (byId.containsKey(id));
        return add(new Episode(id, text, kind, valence, importance, occurredAt, tags));
    }

    /**
     * Stores an episode under its own id and returns the id.
     *
     * @throws IllegalArgumentException if the id is taken or the episode is already past retention
     */
    public synchronized String add(Episode episode) {
        if (byId.containsKey(episode.id())) {
            throw new IllegalArgumentException("episode id already exists: " + episode.id());
        }
        Instant cutoff = cutoff();
        if (episode.occurredAt().isBefore(cutoff)) {
            throw new IllegalArgumentException("episode " + episode.id() + " at " + episode.occurredAt()
                    + " is older than the retention cutoff " + cutoff);
        }
        expireBefore(cutoff);
        byId.put(episode.id(), episode);
        byTime.add(episode);
        while (byTime.size() > maxEpisodes) {
            byId.remove(byTime.pollFirst().id());
        }
        return episode.id();
    }

    public synchronized Optional<Episode> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Removes an episode; returns whether it was present. */
    public synchronized boolean remove(String id) {
        Episode e = byId.remove(id);
        return e != null && byTime.remove(e);
    }

    /** Drops every episode older than the retention window; returns their ids, oldest first. */
    public synchronized List<String> expire() {
        return expireBefore(cutoff());
    }

    public synchronized int size() {
        return byId.size();
    }

    /** All episodes, oldest first. */
    public synchronized List<Episode> episodes() {
        return List.copyOf(byTime);
    }

    /** Returns matching episodes newest first, skipping {@code offset} and returning at most {@code limit}. */
    public synchronized EpisodePage query(EpisodeQuery query, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
        List<Episode> page = new ArrayList<>(Math.min(limit, 64));
        int total = 0;
        for (Iterator<Episode> it = byTime.descendingIterator(); it.hasNext(); ) {
            Episode e = it.next();
            if (query.matches(e)) {
                if (total >= offset && page.size() < limit) {
                    page.add(e);
                }
                total++;
            }
        }
        return new EpisodePage(page, offset, total);
    }

    /**
     * Buckets {@code [from, to)} into consecutive windows of {@code bucket} (the last one cut short at {@code to})
     * and counts the episodes of each kind in each, for a stacked chart.
     */
    public synchronized List<TimelineBucket> timeline(Instant from, Instant to, Duration bucket) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from");
        }
        if (bucket.isNegative() || bucket.isZero()) {
            throw new IllegalArgumentException("bucket must be positive, got " + bucket);
        }
        long n = ceilDiv(Duration.between(from, to), bucket);
        if (n > MAX_TIMELINE_BUCKETS) {
            throw new IllegalArgumentException(n + " buckets exceed " + MAX_TIMELINE_BUCKETS);
        }
        List<TimelineBucket> out = new ArrayList<>((int) n);
        Instant start = from;
        for (int i = 0; i < n; i++) {
            Instant end = start.plus(bucket).isAfter(to) ? to : start.plus(bucket);
            Map<EpisodeKind, Integer> counts = new EnumMap<>(EpisodeKind.class);
            int total = 0;
            double valence = 0;
            for (Episode e : byTime.tailSet(probe(start), true)) {
                if (!e.occurredAt().isBefore(end)) {
                    break;
                }
                counts.merge(e.kind(), 1, Integer::sum);
                total++;
                valence += e.valence();
            }
            out.add(new TimelineBucket(start, end, counts, total, total == 0 ? 0 : valence / total));
            start = end;
        }
        return out;
    }

    private static long ceilDiv(Duration span, Duration bucket) {
        if (bucket.compareTo(span) >= 0) {
            return 1;
        }
        long q = span.dividedBy(bucket);
        return bucket.multipliedBy(q).equals(span) ? q : q + 1;
    }

    /** Sorts before every real episode at {@code at}, since no real id is the NUL character. */
    private static Episode probe(Instant at) {
        return new Episode("\u0000", "probe", EpisodeKind.LEARNING, 0, 0, at, Set.of());
    }

    private Instant cutoff() {
        return clock.instant().minus(retention);
    }

    private List<String> expireBefore(Instant cutoff) {
        List<String> dropped = new ArrayList<>();
        while (!byTime.isEmpty() && byTime.first().occurredAt().isBefore(cutoff)) {
            Episode e = byTime.pollFirst();
            byId.remove(e.id());
            dropped.add(e.id());
        }
        return dropped;
    }
}
