package io.safla.monitor.service;

import io.safla.config.RateLimitProperties;
import io.safla.monitor.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;

/** {@code RATE_LIMIT_PER_MINUTE} for dashboard actions, one bucket per Vaadin session. */
@Service
public class UiRateLimiter {

    private final RateLimiter limiter;

    UiRateLimiter(RateLimitProperties limits, Clock clock) {
        this.limiter = new RateLimiter(limits.perMinute(), 10_000, Duration.ofMinutes(2), clock);
    }

    public RateLimiter.Decision tryConsume(String sessionId) {
        return limiter.tryConsume("ui:" + sessionId);
    }
}
