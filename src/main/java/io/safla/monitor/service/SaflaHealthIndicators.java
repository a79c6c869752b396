package io.safla.monitor.service;

import io.safla.config.AppProperties;
import io.safla.config.HuggingFaceProperties;
import io.safla.monitor.ComponentHealth;
import io.safla.monitor.HealthLevel;
import io.safla.monitor.MemoryGuard;
import io.safla.monitor.PerformanceRule;
import io.safla.monitor.ProcessProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Bean
    HealthIndicator persistenceHealthIndicator(AppProperties app) {
        return () -> toHealth(persistence(app.dataDir()));
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

    static ComponentHealth persistence(Path dataDir) {
        try {
            if (!Files.isDirectory(dataDir) || !Files.isWritable(dataDir)) {
                return new ComponentHealth("persistence", HealthLevel.DOWN, "data directory is not writable");
            }
            long free = Files.getFileStore(dataDir).getUsableSpace();
            String reading = free / (1024 * 1024) + " MB free in the data directory";
            if (free < MIN_FREE_DISK_BYTES) {
                return new ComponentHealth("persistence", HealthLevel.DEGRADED, reading + ": below 100 MB");
            }
            return new ComponentHealth("persistence", HealthLevel.UP, reading);
        } catch (IOException e) {
            return new ComponentHealth("persistence", HealthLevel.DOWN, "data directory unreadable: " + e.getMessage());
        }
    }
}
