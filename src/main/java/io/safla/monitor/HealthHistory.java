package io.safla.monitor;

import java.util.ArrayDeque;
import java.util.List;

/** The most recent snapshots, oldest first, for the trend sparklines. Thread-safe. */
public final class HealthHistory {

    private final int capacity;
    private final ArrayDeque<HealthSnapshot> snapshots;

    public HealthHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.snapshots = new ArrayDeque<>(capacity);
    }

    public synchronized void add(HealthSnapshot snapshot) {
        if (snapshots.size() == capacity) {
            snapshots.removeFirst();
        }
        snapshots.addLast(snapshot);
    }

    /** A copy, oldest first. */
    public synchronized List<HealthSnapshot> snapshots() {
        return List.copyOf(snapshots);
    }
}
