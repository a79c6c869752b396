package io.safla.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(60, 100, Duration.ofMinutes(2), clock);

    @Test
    void burst_upToTheLimit_thenRefusedWithRetryAfter() {
        for (int i = 59; i >= 0; i--) {
            RateLimiter.Decision decision = limiter.tryConsume("a");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(i);
        }

        RateLimiter.Decision refused = limiter.tryConsume("a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refill_isSmooth_oneTokenPerSecondAtSixtyPerMinute() {
        for (int i = 0; i < 60; i++) {
            limiter.tryConsume("a");
        }
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.tryConsume("a").allowed()).isFalse();

        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.tryConsume("a").allowed()).isTrue();
        assertThat(limiter.tryConsume("a").allowed()).isFalse();

        clock.advance(Duration.ofSeconds(30));
        RateLimiter.Decision afterHalfAMinute = limiter.tryConsume("a");
        assertThat(afterHalfAMinute.allowed()).isTrue();
        assertThat(afterHalfAMinute.remaining()).isEqualTo(29);
    }

    @Test
    void visitors_haveSeparateBuckets() {
        for (int i = 0; i < 60; i++) {
            limiter.tryConsume("a");
        }

        assertThat(limiter.tryConsume("a").allowed()).isFalse();
        assertThat(limiter.tryConsume("b").allowed()).isTrue();
    }

    @Test
    void buckets_areBoundedAndExpireWhenIdle() {
        RateLimiter small = new RateLimiter(60, 3, Duration.ofMinutes(2), clock);
        for (int i = 0; i < 50; i++) {
            small.tryConsume("visitor-" + i);
        }
        assertThat(small.trackedVisitors()).isLessThanOrEqualTo(3);

        clock.advance(Duration.ofMinutes(3));
        assertThat(small.trackedVisitors()).isZero();
    }
}
