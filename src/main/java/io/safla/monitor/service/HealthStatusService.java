package io.safla.monitor.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Samples Actuator health on a fixed schedule and publishes immutable {@link HealthStatus} readings, so views only
 * render the latest value and never run health checks themselves.
 */
@Service
public class HealthStatusService {

    private static final Logger log = LoggerFactory.getLogger(HealthStatusService.class);

    private final HealthEndpoint healthEndpoint;
    private final Clock clock;
    private final List<Consumer<HealthStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile HealthStatus latest;

    HealthStatusService(HealthEndpoint healthEndpoint, Clock clock) {
        this.healthEndpoint = healthEndpoint;
        this.clock = clock;
        this.latest = read();
    }

    public HealthStatus latest() {
        return latest;
    }

    /** Registers a listener for every new reading; the returned handle removes it. */
    public Runnable subscribe(Consumer<HealthStatus> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Scheduled(fixedDelayString = "${safla.health.sample-interval:2s}", initialDelayString = "${safla.health.sample-interval:2s}")
    void sample() {
        HealthStatus reading = read();
        latest = reading;
        for (Consumer<HealthStatus> listener : listeners) {
            try {
                listener.accept(reading);
            } catch (RuntimeException e) {
                // a detached UI must not stop the others from being updated
                log.debug("health listener failed: {}", e.toString());
            }
        }
    }

    private HealthStatus read() {
        try {
            HealthComponent health = healthEndpoint.health();
            Map<String, String> components = new LinkedHashMap<>();
            if (health instanceof CompositeHealth composite) {
                composite.getComponents().forEach((name, c) -> components.put(name, c.getStatus().getCode()));
            }
            return new HealthStatus(OverallStatus.of(health.getStatus()), components, clock.instant());
        } catch (RuntimeException e) {
            log.warn("health check failed: {}", e.toString());
            return new HealthStatus(OverallStatus.DOWN, Map.of("health", "ERROR"), clock.instant());
        }
    }
}
