package io.safla.monitor;

/**
 * The seed's memory rules: the process is unhealthy once its RSS passes {@code unhealthyFraction} of the configured
 * maximum, and caches are cleared once it passes {@code cleanupFraction}.
 *
 * @param maxBytes the configured maximum (1 500 MB by default)
 * @param unhealthyFraction e.g. 0.8
 * @param cleanupFraction e.g. 0.8
 */
public record MemoryGuard(long maxBytes, double unhealthyFraction, double cleanupFraction) {

    public MemoryGuard {
        if (maxBytes <= 0
                || unhealthyFraction <= 0
                || unhealthyFraction > 1
                || cleanupFraction <= 0
                || cleanupFraction > 1) {
            throw new IllegalArgumentException(
                    "bad memory guard " + maxBytes + " " + unhealthyFraction + " " + cleanupFraction);
        }
    }

    public ComponentHealth assess(long residentBytes) {
        if (residentBytes < 0) {
            return new ComponentHealth("memoryUsage", HealthLevel.DEGRADED, "process memory could not be read");
        }
        long limit = (long) (maxBytes * unhealthyFraction);
        String reading = mb(residentBytes) + " MB resident of " + mb(maxBytes) + " MB allowed";
        if (residentBytes > limit) {
            return new ComponentHealth(
                    "memoryUsage", HealthLevel.DOWN, reading + ": above " + Math.round(unhealthyFraction * 100) + " %");
        }
        return new ComponentHealth("memoryUsage", HealthLevel.UP, reading);
    }

    public boolean needsCleanup(long residentBytes) {
        return residentBytes > maxBytes * cleanupFraction;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
