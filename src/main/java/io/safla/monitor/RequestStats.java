package io.safla.monitor;

/**
 * Request figures over the recent window.
 *
 * @param count requests in the window
 * @param perMinute requests per minute over the window
 * @param averageMillis mean response time, 0 when there were none
 * @param p95Millis 95th percentile of the most recent responses, 0 when there were none
 * @param errorRate share of responses that failed (5xx or an exception), in [0, 1]
 */
public record RequestStats(long count, double perMinute, double averageMillis, double p95Millis, double errorRate) {

    public static final RequestStats NONE = new RequestStats(0, 0, 0, 0, 0);
}
