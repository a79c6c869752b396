package io.safla.memory.service;

import io.safla.embedding.EmbedderFactory;
import io.safla.embedding.service.ActiveEmbedder;
import io.safla.memory.MemoryStats;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code engine} (part of readiness), {@code embedder} and {@code hybridMemory} health, each with its reason. The
 * hybrid memory is not part of readiness: search and the API work without it, so its failure is DEGRADED.
 */
@Configuration(proxyBeanMethods = false)
class MemoryHealthIndicators {

    static final Status LOADING = new Status("LOADING");
    static final Status DEGRADED = new Status("DEGRADED");

    @Bean
    HealthIndicator engineHealthIndicator(MemoryService memory) {
        return () -> switch (memory.state()) {
            case LOADING ->
                Health.status(LOADING)
                        .withDetail("reason", memory.stateReason())
                        .build();
            case FAILED ->
                Health.down().withDetail("reason", memory.stateReason()).build();
            case READY -> {
                MemoryStats stats = memory.engine().stats();
                yield Health.up()
                        .withDetail(
                                "reason",
                                stats.count() + " of " + stats.capacity() + " items, " + stats.dimension()
                                        + "-d, kernel " + stats.kernel())
                        .build();
            }
        };
    }

    @Bean
    HealthIndicator embedderHealthIndicator(ActiveEmbedder embedders) {
        return () -> {
            EmbedderFactory.Selection selection = embedders.current();
            if (selection == null) {
                return Health.status(LOADING)
                        .withDetail("reason", "not loaded yet")
                        .build();
            }
            Status status = selection.kind() == EmbedderFactory.Kind.HASHING_FALLBACK ? DEGRADED : Status.UP;
            return Health.status(status)
                    .withDetail("reason", selection.describe())
                    .build();
        };
    }

    @Bean
    HealthIndicator hybridMemoryHealthIndicator(HybridMemoryService hybrid) {
        return () -> {
            Status status = switch (hybrid.state()) {
                case LOADING -> LOADING;
                case FAILED -> DEGRADED;
                case READY -> Status.UP;
            };
            return Health.status(status)
                    .withDetail("reason", hybrid.stateReason())
                    .build();
        };
    }
}
