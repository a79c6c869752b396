package io.safla.safety.service;

import io.safla.checkpoint.service.CheckpointService;
import io.safla.memory.MemoryEngine;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/** {@code safety}: DEGRADED while an emergency stop freezes writes; otherwise which layers run. */
@Component("safety")
class SafetyHealthIndicator extends AbstractHealthIndicator {

    private final CheckpointService checkpoints;
    private final SafetyService safety;

    SafetyHealthIndicator(CheckpointService checkpoints, SafetyService safety) {
        this.checkpoints = checkpoints;
        this.safety = safety;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<MemoryEngine.Freeze> freeze = checkpoints.emergency();
        if (freeze.isPresent()) {
            builder.status(new Status("DEGRADED"))
                    .withDetail(
                            "reason",
                            "EMERGENCY STOP since " + freeze.get().since() + ": memory writes frozen ("
                                    + freeze.get().reason() + ")");
            return;
        }
        builder.up()
                .withDetail(
                        "reason", safety.layerNames().size() + " layers; semantic layer " + safety.semanticStatus());
    }
}
