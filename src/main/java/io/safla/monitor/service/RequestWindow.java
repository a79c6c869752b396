package io.safla.monitor.service;

import io.safla.monitor.RequestStats;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * Request counts, durations and errors over a sliding window, for the seed's "average response time over the
 * recent window" rule and the health panel.
 *
 * <p>Implementation notes. Counts and totals live in one bucket per second of the window (a ring indexed by epoch
 * second), so recording is O(1) and old data falls out by itself. The 95th percentile comes from a ring of the most
 * recent {@link #RESERVOIR} durations (with their times, so stale ones are skipped): exact over those, which is what
 * a panel refreshing every 2 s needs. Thread-safe through one lock; recording is a few array writes.
 */
public final class RequestWindow {

    static final int RESERVOIR = 2048;

    private final Clock clock;
    private final int seconds;
    private final long[] bucketSecond;
    private final long[] bucketCount;
    private final long[] bucketErrors;
    private final long[] bucketNanos;
    private final long[] recentNanos = new long[RESERVOIR];
    private final long[] recentAtSecond = new long[RESERVOIR];
    private int recentNext;
    private int recentSize;

    public RequestWindow(Clock clock, Duration window) {
        if (window.toSeconds() < 1 || window.toSeconds() > 86_400) {
            throw new IllegalArgumentException("window must be 1 s to 1 day, got " + window);
        }
        this.clock = clock;
        this.seconds = (int) window.toSeconds();
        this.bucketSecond = new long[seconds];
        this.bucketCount = new long[seconds];
        this.bucketErrors = new long[seconds];
        this.bucketNanos = new long[seconds];
        Arrays.fill(bucketSecond, Long.MIN_VALUE);
    }

    /** Records one finished request. */
    public synchronized void record(long durationNanos, boolean failed) {
        long now = clock.instant().getEpochSecond();
        int slot = (int) Math.floorMod(now, (long) seconds);
        if (bucketSecond[slot] != now) {
            bucketSecond[slot] = now;
            bucketCount[slot] = 0;
            bucketErrors[slot] = 0;
            bucketNanos[slot] = 0;
        }
        bucketCount[slot]++;
        bucketNanos[slot] += Math.max(0, durationNanos);
        if (failed) {
            bucketErrors[slot]++;
        }
        recentNanos[recentNext] = Math.max(0, durationNanos);
        recentAtSecond[recentNext] = now;
        recentNext = (recentNext + 1) % RESERVOIR;
        recentSize = Math.min(RESERVOIR, recentSize + 1);
    }

    /** The figures over the window ending now. */
    public synchronized RequestStats stats() {
        long now = clock.instant().getEpochSecond();
        long oldest = now - seconds + 1;
        long count = 0;
        long errors = 0;
        long nanos = 0;
        for (int i = 0; i < seconds; i++) {
            if (bucketSecond[i] >= oldest && bucketSecond[i] <= now) {
                count += bucketCount[i];
                errors += bucketErrors[i];
                nanos += bucketNanos[i];
            }
        }
        if (count == 0) {
            return RequestStats.NONE;
        }
        long[] recent = new long[recentSize];
        int n = 0;
        for (int i = 0; i < recentSize; i++) {
            if (recentAtSecond[i] >= oldest) {
                recent[n++] = recentNanos[i];
            }
        }
        Arrays.sort(recent, 0, n);
        double p95 = n == 0 ? 0 : recent[Math.min(n - 1, (int) Math.ceil(0.95 * n) - 1)] / 1e6;
        return new RequestStats(count, count * 60.0 / seconds, nanos / 1e6 / count, p95, (double) errors / count);
    }
}
