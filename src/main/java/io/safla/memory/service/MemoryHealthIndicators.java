package io.safla.memory.service;

import io.safla.embedding.EmbedderFactory;
import io.safla.embedding.service.ActiveEmbedder;
import io.safla.memory.MemoryEngine;
import io.safla.memory.MemoryStats;
import io.safla.memory.persistence.RecoveryReport;
import io.safla.monitor.DataDirProbe;
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
                MemoryEngine engine = memory.engine();
                MemoryStats stats = engine.stats();
                String summary = stats.count() + " of " + stats.capacity() + " items, " + stats.dimension()
                        + "-d, kernel " + stats.kernel();
                RecoveryReport recovery = engine.recoveryReport();
                var snapshot = engine.snapshotProblem();
                DataDirProbe.Reading dataDir = memory.dataDir();
                // still UP for readiness (reads serve); DEGRADED when something needs the operator
                boolean degraded = recovery.damaged() || snapshot.isPresent() || !dataDir.writable();
                Health.Builder health = degraded ? Health.status(DEGRADED) : Health.up();
                StringBuilder reason = new StringBuilder(summary);
                if (!dataDir.writable()) {
                    reason.append("; writes refused: ").append(dataDir.reason());
                }
                snapshot.ifPresent(p -> reason.append("; snapshot failing since ")
                        .append(p.since())
                        .append(" (writes are kept in the log): ")
                        .append(p.message()));
                if (recovery.damaged()) {
                    reason.append("; damage found at start: ")
                            .append(recovery.damage().size())
                            .append(" problem(s), see recoveryDamage");
                    health.withDetail("recoveryDamage", recovery.damage());
                }
                yield health.withDetail("reason", reason.toString())
                        .withDetail("writes", dataDir.writable() ? "accepted" : "refused")
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
