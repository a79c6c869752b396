package io.safla.monitor;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The most recent analytics events in memory, for the panel's chart. Bounded; thread-safe. */
public final class AnalyticsLog {

    private final int capacity;
    private final ArrayDeque<AnalyticsEvent> events;

    public AnalyticsLog(int capacity) {
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    public synchronized void add(AnalyticsEvent event) {
        if (events.size() == capacity) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    public synchronized List<AnalyticsEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Events per minute and feature over the {@code minutes} minutes ending at {@code now}: feature to counts, the
     * last element being the current minute.
     */
    public synchronized Map<String, long[]> perMinute(Instant now, int minutes) {
        Map<String, long[]> counts = new TreeMap<>();
        long currentMinute = now.getEpochSecond() / 60;
        for (AnalyticsEvent e : events) {
            long age = currentMinute - e.time().getEpochSecond() / 60;
            if (age >= 0 && age < minutes) {
                counts.computeIfAbsent(e.feature(), f -> new long[minutes])[(int) (minutes - 1 - age)]++;
            }
        }
        return counts;
    }
}
