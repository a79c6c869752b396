package io.safla.monitor.service;

import io.safla.config.AppProperties;
import io.safla.config.HuggingFaceProperties;
import io.safla.monitor.ComponentHealth;
import io.safla.monitor.DataDirProbe;
import io.safla.monitor.HealthLevel;
import io.safla.monitor.MemoryGuard;
import io.safla.monitor.PerformanceRule;
import io.safla.monitor.ProcessProbe;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Actuator health indicators for the seed's components; each explains itself in a {@code reason} detail. */
@Configuration(proxyBeanMethods = false)
class SaflaHealthIndicators {

    static final Status DEGRADED = new Status("DEGRADED");
    static final long MIN_FREE_DISK_BYTES = 100L * 1024 * 1024;

    static Health toHealth(ComponentHealth component) {
        Status status = switch (component.level()) {
            case UP -> Status.UP;
            case DEGRADED -> DEGRADED;
            case DOWN -> Status.DOWN;
        };
        return Health.status(status).withDetail("reason", component.detail()).build();
    }

    @Bean
    HealthIndicator performanceHealthIndicator(RequestWindow requests, PerformanceRule rule) {
        return () -> toHealth(rule.assess(requests.stats()));
    }

    @Bean
    HealthIndicator memoryUsageHealthIndicator(ProcessProbe probe, MemoryGuard guard) {
        return () -> toHealth(guard.assess(probe.residentBytes()));
    }

    /**
     * The data directory, probed with a real write (see {@link DataDirProbe}); shared with the memory service, which
     * refuses writes while it is full or unwritable. {@code SAFLA_DISK_RESERVE_MB} (default 1) is the free space
     * below which writes are refused.
     */
    @Bean
    DataDirProbe dataDirProbe(AppProperties app, Clock clock, @Value("${SAFLA_DISK_RESERVE_MB:1}") long reserveMb) {
        return new DataDirProbe(
                app.dataDir(),
                Math.max(MIN_FREE_DISK_BYTES, reserveMb * 1024 * 1024),
                reserveMb * 1024 * 1024,
                Duration.ofSeconds(2),
                clock);
    }

    /** {@code persistence}: DOWN when the data directory is full or unwritable (writes refused), DEGRADED when low. */
    @Bean
    HealthIndicator persistenceHealthIndicator(DataDirProbe probe) {
        return () -> {
            DataDirProbe.Reading reading = probe.current();
            Health health = toHealth(reading.health());
            return reading.writable()
                    ? health
                    : Health.status(reading.state() == DataDirProbe.State.FULL ? Status.OUT_OF_SERVICE : Status.DOWN)
                            .withDetail("reason", reading.reason())
                            .withDetail("writes", "refused")
                            .build();
        };
    }

    @Bean
    HealthIndicator apiConnectivityHealthIndicator(HuggingFaceProperties huggingFace) {
        return () -> {
            String reason;
            if (huggingFace.effectiveToken().isEmpty()) {
                reason = "no HuggingFace token configured; none is needed: the embedding model runs in process";
            } else if (huggingFace.tokenLooksValid()) {
                reason = "a HuggingFace token is configured";
            } else {
                return toHealth(new ComponentHealth(
                        "apiConnectivity",
                        HealthLevel.DEGRADED,
                        "the configured HuggingFace token does not start with hf_"));
            }
            return Health.up()
                    .withDetail("reason", reason)
                    .withDetail("configured", huggingFace.effectiveToken().isPresent())
                    .build();
        };
    }
}
