package io.safla.monitor.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which visitors are active, for {@code MAX_CONCURRENT_USERS}: a session is active while it has made a request within
 * the active window. Admission is decided once per session, so a visitor already in never gets the busy page.
 */
public class VisitorRegistry {

    private final Clock clock;
    private final Duration activeWindow;
    private final int maxVisitors;
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    VisitorRegistry(Clock clock, Duration activeWindow, int maxVisitors) {
        this.clock = clock;
        this.activeWindow = activeWindow;
        this.maxVisitors = maxVisitors;
    }

    /** Outcome of a visitor's arrival: admitted, or how long until a place is likely to free up. */
    public record Admission(boolean admitted, int active, int max, Duration retryAfter) {}

    /** Admits a new session if there is room; a known session is always admitted and marked as seen. */
    public synchronized Admission admit(String sessionId) {
        expire();
        Instant now = clock.instant();
        if (lastSeen.containsKey(sessionId) || lastSeen.size() < maxVisitors) {
            lastSeen.put(sessionId, now);
            return new Admission(true, lastSeen.size(), maxVisitors, Duration.ZERO);
        }
        return peek();
    }

    /** What {@link #admit} would answer for a newcomer, without admitting anyone. */
    public synchronized Admission peek() {
        expire();
        Instant now = clock.instant();
        if (lastSeen.size() < maxVisitors) {
            return new Admission(true, lastSeen.size(), maxVisitors, Duration.ZERO);
        }
        Instant firstFree =
                lastSeen.values().stream().min(Instant::compareTo).orElse(now).plus(activeWindow);
        Duration wait = Duration.between(now, firstFree);
        return new Admission(false, lastSeen.size(), maxVisitors, wait.isNegative() ? Duration.ZERO : wait);
    }

    /** Marks an admitted session as seen; unknown sessions are ignored (they must be admitted first). */
    public void touch(String sessionId) {
        lastSeen.computeIfPresent(sessionId, (id, previous) -> clock.instant());
    }

    public void leave(String sessionId) {
        lastSeen.remove(sessionId);
    }

    public boolean isAdmitted(String sessionId) {
        return lastSeen.containsKey(sessionId);
    }

    public synchronized int activeCount() {
        expire();
        return lastSeen.size();
    }

    public int maxVisitors() {
        return maxVisitors;
    }

    Optional<Instant> lastSeen(String sessionId) {
        return Optional.ofNullable(lastSeen.get(sessionId));
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(activeWindow);
        lastSeen.values().removeIf(seen -> seen.isBefore(cutoff));
    }
}
