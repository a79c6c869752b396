package io.safla.web;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The live HTTP sessions: how many there are (against {@code safla.ratelimit.max-sessions}), and which are still
 * provisional. A session opened by a page load is provisional until its page makes its first UI request
 * ({@code ?v-r=init}, a UIDL or heartbeat call); one that has not within {@code provisional-session-seconds} (a bare
 * {@code GET /} from a script) is invalidated, so a flood of page loads holds memory for seconds, not for
 * {@code SESSION_TIMEOUT}.
 */
class LiveSessions implements HttpSessionListener {

    private final Clock clock;
    private final int maxSessions;
    private final Duration provisionalLifetime;
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger opening = new AtomicInteger();
    private final Map<String, Provisional> provisional = new ConcurrentHashMap<>();
    private final Map<String, String> clientOf = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();

    private record Provisional(HttpSession session, Instant deadline) {}

    LiveSessions(Clock clock, int maxSessions, Duration provisionalLifetime) {
        this.clock = clock;
        this.maxSessions = maxSessions;
        this.provisionalLifetime = provisionalLifetime;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        peak.accumulateAndGet(live.incrementAndGet(), Math::max);
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        live.decrementAndGet();
        String id = event.getSession().getId();
        provisional.remove(id);
        String client = clientOf.remove(id);
        if (client != null) {
            perClient.computeIfPresent(client, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    /**
     * Reserves room for a request that may open a session; false when the live sessions plus those being opened
     * would pass the cap. Strict under concurrency: a reservation is held until {@link #release} and counts alongside
     * the session it opens, so the live count never passes the cap through requests admitted here.
     */
    boolean tryReserve() {
        if (reserve()) {
            return true;
        }
        sweep(); // expired provisional sessions may make room
        return reserve();
    }

    private boolean reserve() {
        int reserved = opening.incrementAndGet();
        if (live.get() + reserved > maxSessions) {
            opening.decrementAndGet();
            return false;
        }
        return true;
    }

    void release() {
        opening.decrementAndGet();
    }

    boolean overCap() {
        return live.get() > maxSessions;
    }

    /** A session this request opened for {@code client}: short-lived until its page makes a UI request. */
    void provisional(HttpSession session, String client) {
        if (clientOf.putIfAbsent(session.getId(), client) == null) {
            perClient.computeIfAbsent(client, k -> new AtomicInteger()).incrementAndGet();
        }
        session.setMaxInactiveInterval((int) provisionalLifetime.toSeconds());
        provisional.put(
                session.getId(), new Provisional(session, clock.instant().plus(provisionalLifetime)));
    }

    /** The session's page made a UI request: from now on it lives for the configured session timeout. */
    void promote(HttpSession session, int timeoutSeconds) {
        if (provisional.remove(session.getId()) != null) {
            session.setMaxInactiveInterval(timeoutSeconds);
        }
    }

    boolean isProvisional(String sessionId) {
        return provisional.containsKey(sessionId);
    }

    /** Invalidates the provisional sessions whose time is up (every few seconds, and when the cap is reached). */
    @Scheduled(fixedDelay = 5, timeUnit = TimeUnit.SECONDS)
    void sweep() {
        Instant now = clock.instant();
        provisional.values().removeIf(p -> {
            if (p.deadline().isAfter(now)) {
                return false;
            }
            try {
                p.session().invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // expired by the container meanwhile
            }
            return true;
        });
    }

    /** Live sessions opened by this client address (provisional or not). */
    int sessionsOf(String client) {
        AtomicInteger count = perClient.get(client);
        return count == null ? 0 : count.get();
    }

    int live() {
        return live.get();
    }

    int peak() {
        return peak.get();
    }

    int max() {
        return maxSessions;
    }

    long retryAfterSeconds() {
        return Math.max(5, Math.min(60, provisionalLifetime.toSeconds()));
    }
}
