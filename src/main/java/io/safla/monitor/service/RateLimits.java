package io.safla.monitor.service;

import io.safla.config.RateLimitProperties;
import io.safla.monitor.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * {@code RATE_LIMIT_PER_MINUTE}, counted apart for dashboard actions (one bucket per Vaadin session) and for API
 * calls and for page loads that open a session (one bucket each per client address), so a busy API client never stalls the dashboard and the other way round.
 */
@Service
public class RateLimits {

    /** Buckets kept at most per door; an idle client's bucket is dropped after it would have refilled anyway. */
    static final int MAX_TRACKED_CLIENTS = 10_000;

    private final RateLimiter ui;
    private final RateLimiter api;
    private final RateLimiter pages;

    RateLimits(RateLimitProperties limits, Clock clock) {
        this.ui = new RateLimiter(limits.perMinute(), MAX_TRACKED_CLIENTS, Duration.ofMinutes(2), clock);
        this.api = new RateLimiter(limits.perMinute(), MAX_TRACKED_CLIENTS, Duration.ofMinutes(2), clock);
        this.pages = new RateLimiter(limits.pageLoadsPerMinute(), MAX_TRACKED_CLIENTS, Duration.ofMinutes(2), clock);
    }

    /** Takes one dashboard action from the session's allowance. */
    public RateLimiter.Decision tryUiAction(String sessionId) {
        return ui.tryConsume("ui:" + sessionId);
    }

    /** Takes one API call from the client's allowance. */
    public RateLimiter.Decision tryApiCall(String clientAddress) {
        return api.tryConsume("api:" + clientAddress);
    }

    /** Takes one session-creating page load from the client's allowance (its own bucket, apart from the API's). */
    public RateLimiter.Decision tryPageLoad(String clientAddress) {
        return pages.tryConsume("page:" + clientAddress);
    }
}
