package io.safla.monitor.service;

import io.safla.monitor.ClearableCache;
import io.safla.monitor.ComponentHealth;
import io.safla.monitor.HealthHistory;
import io.safla.monitor.HealthLevel;
import io.safla.monitor.HealthSnapshot;
import io.safla.monitor.MemoryGuard;
import io.safla.monitor.ProcessProbe;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The one place that reads health: on a fixed schedule it takes Actuator's component statuses, JVM, process and
 * request figures, publishes an immutable {@link HealthSnapshot} to listeners and keeps a history for the trends.
 * It also runs the seed's memory manager. A failing reading is logged and the loop goes on.
 */
@Service
public class HealthSampler {

    private static final Logger log = LoggerFactory.getLogger(HealthSampler.class);
    private static final Duration CLEANUP_COOLDOWN = Duration.ofMinutes(1);

    private final HealthEndpoint healthEndpoint;
    private final ProcessProbe probe;
    private final RequestWindow requests;
    private final VisitorRegistry visitors;
    private final MemoryGuard memoryGuard;
    private final List<ClearableCache> caches;
    private final HealthHistory history;
    private final Clock clock;
    private final MemoryMXBean memoryBean = ManagementFactory.getMemoryMXBean();
    private final List<Consumer<HealthSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile HealthSnapshot latest;
    private volatile long memoryCleanups;
    private volatile Instant lastCleanup = Instant.EPOCH;
    private volatile String lastCleanupNote = "";

    HealthSampler(
            HealthEndpoint healthEndpoint,
            ProcessProbe probe,
            RequestWindow requests,
            VisitorRegistry visitors,
            MemoryGuard memoryGuard,
            List<ClearableCache> caches,
            HealthHistory history,
            Clock clock) {
        this.healthEndpoint = healthEndpoint;
        this.probe = probe;
        this.requests = requests;
        this.visitors = visitors;
        this.memoryGuard = memoryGuard;
        this.caches = List.copyOf(caches);
        this.history = history;
        this.clock = clock;
        this.latest = read();
    }

    public HealthSnapshot latest() {
        return latest;
    }

    public List<HealthSnapshot> history() {
        return history.snapshots();
    }

    /** What the memory manager last did, empty if it never ran. */
    public String lastCleanupNote() {
        return lastCleanupNote;
    }

    /** Registers a listener for every new snapshot; the returned handle removes it. */
    public Runnable subscribe(Consumer<HealthSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Scheduled(
            fixedDelayString = "${safla.health.sample-interval:2s}",
            initialDelayString = "${safla.health.sample-interval:2s}")
    public void sample() {
        try {
            HealthSnapshot snapshot = read();
            cleanUpIfNeeded(snapshot.residentBytes());
            latest = snapshot;
            history.add(snapshot);
            for (Consumer<HealthSnapshot> listener : listeners) {
                try {
                    listener.accept(snapshot);
                } catch (RuntimeException e) {
                    log.debug("health listener failed: {}", e.toString());
                }
            }
        } catch (RuntimeException e) {
            log.warn("health sampling failed, will retry: {}", e.toString());
        }
    }

    void cleanUpIfNeeded(long residentBytes) {
        Instant now = clock.instant();
        if (!memoryGuard.needsCleanup(residentBytes) || now.isBefore(lastCleanup.plus(CLEANUP_COOLDOWN))) {
            return;
        }
        lastCleanup = now;
        long dropped = 0;
        for (ClearableCache cache : caches) {
            dropped += cache.clearAll();
        }
        System.gc(); // the seed's gc.collect(): lets G1 return the freed heap to the OS
        memoryCleanups++;
        lastCleanupNote = String.format(
                "%s: RSS %d MB passed the cleanup threshold; cleared %d entries from %d caches",
                now, residentBytes / (1024 * 1024), dropped, caches.size());
        log.warn("Memory manager: {}", lastCleanupNote);
    }

    private HealthSnapshot read() {
        List<ComponentHealth> components = new ArrayList<>();
        HealthLevel overall = HealthLevel.UP;
        try {
            HealthDescriptor health = healthEndpoint.health();
            if (health instanceof CompositeHealthDescriptor composite) {
                for (Map.Entry<String, HealthDescriptor> entry :
                        composite.getComponents().entrySet()) {
                    ComponentHealth component = component(entry.getKey(), entry.getValue());
                    components.add(component);
                }
            }
            overall = level(health.getStatus());
        } catch (RuntimeException e) {
            components.add(new ComponentHealth("health", HealthLevel.DOWN, "health check failed: " + e.getMessage()));
            overall = HealthLevel.DOWN;
        }
        long nonHeap = memoryBean.getNonHeapMemoryUsage().getUsed();
        return new HealthSnapshot(
                clock.instant(),
                overall,
                components,
                memoryBean.getHeapMemoryUsage().getUsed(),
                memoryBean.getHeapMemoryUsage().getMax(),
                nonHeap,
                probe.residentBytes(),
                probe.systemMemoryTotalBytes(),
                probe.systemMemoryAvailableBytes(),
                probe.systemCpuLoad(),
                probe.loadAverage(),
                probe.logicalProcessors(),
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()),
                ManagementFactory.getThreadMXBean().getThreadCount(),
                visitors.activeCount(),
                visitors.maxVisitors(),
                requests.stats(),
                memoryCleanups);
    }

    private static ComponentHealth component(String name, HealthDescriptor health) {
        String reason = "";
        if (health instanceof IndicatedHealthDescriptor h && h.getDetails().get("reason") instanceof String r) {
            reason = r;
        } else if (health instanceof CompositeHealthDescriptor composite) {
            reason = composite.getComponents().size() + " checks";
        }
        if (reason.isEmpty()) {
            reason = describeStatus(health.getStatus());
        }
        return new ComponentHealth(name, level(health.getStatus()), reason);
    }

    private static String describeStatus(Status status) {
        return Status.UP.equals(status) ? "ok" : status.getCode().toLowerCase();
    }

    static HealthLevel level(Status status) {
        if (Status.UP.equals(status)) {
            return HealthLevel.UP;
        }
        if (Status.DOWN.equals(status) || Status.OUT_OF_SERVICE.equals(status)) {
            return HealthLevel.DOWN;
        }
        return HealthLevel.DEGRADED;
    }
}
