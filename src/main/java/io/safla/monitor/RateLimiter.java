package io.safla.monitor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Per-visitor token buckets: {@code perMinute} requests, refilled smoothly (one token every 60/perMinute s), so a
 * visitor can burst up to the limit and then continue at the steady rate. Buckets live in a bounded Caffeine cache
 * and expire after an idle period, so a flood of one-off addresses cannot exhaust memory. Time comes from the
 * injected clock, for Bucket4j's refill and Caffeine's expiry alike.
 */
public final class RateLimiter {

    /**
     * @param allowed whether the request may proceed
     * @param remaining tokens left after this request
     * @param retryAfter how long until one token is back (zero when allowed)
     * @param limit the per-minute limit
     */
    public record Decision(boolean allowed, long remaining, Duration retryAfter, int limit) {

        /** Whole seconds to wait, rounded up, at least 1 when refused. */
        public long retryAfterSeconds() {
            if (allowed) {
                return 0;
            }
            long seconds = (retryAfter.toNanos() + 999_999_999L) / 1_000_000_000L;
            return Math.max(1, seconds);
        }
    }

    private final int perMinute;
    private final Clock clock;
    private final TimeMeter timeMeter;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(int perMinute, int maxVisitors, Duration idleExpiry, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be positive");
        }
        this.perMinute = perMinute;
        this.clock = clock;
        this.timeMeter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos(clock.instant());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxVisitors)
                .expireAfterAccess(idleExpiry)
                .ticker(() -> nanos(clock.instant()))
                .build();
    }

    public Decision tryConsume(String visitorKey) {
        Bucket bucket = buckets.get(
                visitorKey,
                key -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                        .withCustomTimePrecision(timeMeter)
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, probe.getRemainingTokens(), Duration.ZERO, perMinute);
        }
        return new Decision(false, 0, Duration.ofNanos(probe.getNanosToWaitForRefill()), perMinute);
    }

    public int perMinute() {
        return perMinute;
    }

    /** Buckets currently held; bounded by {@code maxVisitors}. */
    public long trackedVisitors() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
