package io.safla.monitor;

/**
 * The seed's performance rule: DEGRADED when the average response time over the recent window exceeds the limit.
 *
 * @param slowAverageMillis the limit, 1 000 ms by default
 */
public record PerformanceRule(double slowAverageMillis) {

    public ComponentHealth assess(RequestStats stats) {
        if (stats.count() == 0) {
            return new ComponentHealth("performance", HealthLevel.UP, "no requests in the recent window");
        }
        String reading = String.format(
                "average %.0f ms, p95 %.0f ms over %d requests",
                stats.averageMillis(), stats.p95Millis(), stats.count());
        if (stats.averageMillis() > slowAverageMillis) {
            return new ComponentHealth(
                    "performance",
                    HealthLevel.DEGRADED,
                    reading + String.format(": average above %.0f ms", slowAverageMillis));
        }
        return new ComponentHealth("performance", HealthLevel.UP, reading);
    }
}
