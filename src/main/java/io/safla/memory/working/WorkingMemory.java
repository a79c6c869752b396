package io.safla.memory.working;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The agent's current focus: at most {@code capacity} items whose attention fades with a half-life. Thread-safe.
 *
 * <p>Attention of an item at time {@code now} is {@code baseAttention * 2^(-(now - lastAccess) / halfLife)},
 * computed on every read from the stored base and last access, so reading never changes it and repeated reads
 * do not compound (the original decayed in place and decayed twice when called twice). A clock that moved
 * backwards counts as no time elapsed.
 *
 * <p>Policies:
 * <ul>
 *   <li><b>touch</b>: the decayed attention {@code a} becomes the new base, boosted to
 *       {@code a + TOUCH_BOOST * (1 - a)}, and the last access becomes now. The boost closes a fixed fraction of
 *       the gap to 1, so it is bounded by 1 and repeated touches converge to full attention;</li>
 *   <li><b>focus</b> on text already held (compared trimmed and case-insensitively) touches that item instead of
 *       adding a copy, with base {@code max(a, attention)} and without the boost, and merges the tags;</li>
 *   <li><b>capacity</b>: after an insert over capacity, the least active other item goes (lowest attention, then
 *       oldest access, then id); the item just focused is never evicted, since it is what the agent attends to;</li>
 *   <li><b>threshold</b>: items whose attention fell below {@code attentionThreshold} stay until {@link #sweep()},
 *       which the caller schedules.</li>
 * </ul>
 */
public final class WorkingMemory {

    /** Fraction of the remaining gap to full attention that one touch closes. */
    public static final double TOUCH_BOOST = 0.25;

    private final int capacity;
    private final double attentionThreshold;
    private final Duration halfLife;
    private final Clock clock;
    private final TreeMap<String, WorkingItem> items = new TreeMap<>();
    private long nextId = 1;

    public WorkingMemory(int capacity, double attentionThreshold, Duration halfLife, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        if (!(attentionThreshold >= 0 && attentionThreshold < 1)) {
            throw new IllegalArgumentException("attentionThreshold must be in [0, 1), got " + attentionThreshold);
        }
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("halfLife must be positive, got " + halfLife);
        }
        this.capacity = capacity;
        this.attentionThreshold = attentionThreshold;
        this.halfLife = halfLife;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Rebuilds a memory from {@link #state()}. */
    public static WorkingMemory restore(WorkingState state, Clock clock) {
        WorkingMemory m = new WorkingMemory(state.capacity(), state.attentionThreshold(), state.halfLife(), clock);
        if (state.items().size() > state.capacity()) {
            throw new IllegalArgumentException("state holds more items than capacity");
        }
        for (WorkingItem item : state.items()) {
            if (m.items.putIfAbsent(item.id(), item) != null) {
                throw new IllegalArgumentException("duplicate item id in state: " + item.id());
            }
        }
        m.nextId = state.nextId();
        return m;
    }

    /** Returns an immutable snapshot, items by id. */
    public synchronized WorkingState state() {
        return new WorkingState(capacity, attentionThreshold, halfLife, nextId, List.copyOf(items.values()));
    }

    public double attentionThreshold() {
        return attentionThreshold;
    }

    /** Brings text into focus with the given attention; returns the id of the new or matching item. */
    public synchronized String focus(String text, double attention) {
        return focus(text, attention, Set.of());
    }

    /** As {@link #focus(String, double)}, with tags (merged into an existing item's tags). */
    public synchronized String focus(String text, double attention, Set<String> tags) {
        if (!(attention >= 0 && attention <= 1)) {
            throw new IllegalArgumentException("attention must be in [0, 1], got " + attention);
        }
        Instant now = clock.instant();
        Optional<WorkingItem> same = items.values().stream()
                .filter(i -> key(i.text()).equals(key(text)))
                .findFirst();
        if (same.isPresent()) {
            WorkingItem old = same.get();
            Set<String> merged = new TreeSet<>(old.tags());
            merged.addAll(tags);
            items.put(
                    old.id(),
                    new WorkingItem(old.id(), old.text(), Math.max(attentionAt(old, now), attention), now, merged));
            return old.id();
        }
        String id;
        do {
            id = "wm-" + nextId++;
        } while (items.containsKey(id));
        items.put(id, new WorkingItem(id, text.strip(), attention, now, tags));
        while (items.size() > capacity) {
            String keep = id;
            items.values().stream()
                    .filter(i -> !i.id().equals(keep))
                    .min(leastActiveFirst(now))
                    .ifPresent(i -> items.remove(i.id()));
        }
        return id;
    }

    /** Refreshes an item (see the touch policy); returns its new attention, or empty if it is unknown. */
    public synchronized Optional<Double> touch(String id) {
        WorkingItem old = items.get(id);
        if (old == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        double a = attentionAt(old, now);
        double boosted = Math.min(1.0, a + TOUCH_BOOST * (1 - a));
        items.put(id, new WorkingItem(id, old.text(), boosted, now, old.tags()));
        return Optional.of(boosted);
    }

    public synchronized Optional<WorkingItem> get(String id) {
        return Optional.ofNullable(items.get(id));
    }

    /** Current attention of an item without touching it, or empty if it is unknown. */
    public synchronized Optional<Double> attention(String id) {
        return get(id).map(i -> attentionAt(i, clock.instant()));
    }

    public synchronized boolean remove(String id) {
        return items.remove(id) != null;
    }

    public synchronized int size() {
        return items.size();
    }

    /** All items with their current attention, most attended first (ties by id). Reads change nothing. */
    public synchronized List<AttendedItem> context() {
        Instant now = clock.instant();
        List<AttendedItem> out = new ArrayList<>();
        for (WorkingItem i : items.values()) {
            out.add(new AttendedItem(i, attentionAt(i, now)));
        }
        out.sort(Comparator.comparingDouble(AttendedItem::attention)
                .reversed()
                .thenComparing(a -> a.item().id()));
        return List.copyOf(out);
    }

    /** Drops items whose attention is below the threshold; returns their ids in id order. */
    public synchronized List<String> sweep() {
        Instant now = clock.instant();
        List<String> dropped = new ArrayList<>();
        for (WorkingItem i : List.copyOf(items.values())) {
            if (attentionAt(i, now) < attentionThreshold) {
                items.remove(i.id());
                dropped.add(i.id());
            }
        }
        return dropped;
    }

    private double attentionAt(WorkingItem item, Instant now) {
        Duration elapsed = Duration.between(item.lastAccess(), now);
        if (elapsed.isNegative()) {
            return item.baseAttention();
        }
        // Seconds as double: toNanos() overflows after ~292 years, and nanosecond precision is irrelevant here.
        double halfLives = seconds(elapsed) / seconds(halfLife);
        return item.baseAttention() * Math.pow(2, -halfLives);
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    private Comparator<WorkingItem> leastActiveFirst(Instant now) {
        return Comparator.<WorkingItem>comparingDouble(i -> attentionAt(i, now))
                .thenComparing(WorkingItem::lastAccess)
                .thenComparing(WorkingItem::id);
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
