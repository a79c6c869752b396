package io.safla.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the health panel shows, read at one moment by the sampler. Immutable; views only render it.
 *
 * @param takenAt when it was read
 * @param overall the worst component
 * @param components each component with its reason
 * @param heapUsedBytes JVM heap in use
 * @param heapMaxBytes JVM heap limit
 * @param nonHeapUsedBytes metaspace, code cache and other non-heap pools
 * @param residentBytes process RSS
 * @param systemMemoryTotalBytes physical memory
 * @param systemMemoryAvailableBytes physical memory available
 * @param systemCpuLoad whole-machine CPU load in [0, 1]
 * @param loadAverage one-minute load average
 * @param processors logical processors
 * @param uptime since the JVM started
 * @param threads live JVM threads
 * @param activeSessions visitors active now
 * @param maxSessions {@code MAX_CONCURRENT_USERS}
 * @param requests request figures over the recent window
 * @param memoryCleanups times the memory manager cleared caches
 */
public record HealthSnapshot(
        Instant takenAt,
        HealthLevel overall,
        List<ComponentHealth> components,
        long heapUsedBytes,
        long heapMaxBytes,
        long nonHeapUsedBytes,
        long residentBytes,
        long systemMemoryTotalBytes,
        long systemMemoryAvailableBytes,
        double systemCpuLoad,
        double loadAverage,
        int processors,
        Duration uptime,
        int threads,
        int activeSessions,
        int maxSessions,
        RequestStats requests,
        long memoryCleanups) {

    public HealthSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(uptime, "uptime");
        Objects.requireNonNull(requests, "requests");
        components = List.copyOf(components);
    }
}
