package io.safla.checkpoint.service;

import io.safla.checkpoint.Checkpoint;
import io.safla.checkpoint.CheckpointInfo;
import io.safla.checkpoint.CheckpointStore;
import io.safla.config.AppProperties;
import io.safla.config.MemoryProperties;
import io.safla.config.PerformanceProperties;
import io.safla.config.RateLimitProperties;
import io.safla.config.SafetyProperties;
import io.safla.memory.MemoryEngine;
import io.safla.memory.Origin;
import io.safla.memory.service.HybridMemoryService;
import io.safla.memory.service.MemoryService;
import io.safla.memory.service.StateCheckpoints;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Checkpoints of the engine state (memory and settings) under {@code <data>/checkpoints}, rollback to one of them,
 * and the emergency stop that freezes writes. Taken automatically before risky changes (bulk import, settings,
 * consolidation) and on request.
 */
@Service
public class CheckpointService implements StateCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(CheckpointService.class);
    static final int MAX_CHECKPOINTS = 20;
    /** Checkpoints kept in the visitors' own pool (docs/deployment.md, "Checkpoints"). */
    static final int MAX_VISITOR_CHECKPOINTS = 10;

    private final MemoryService memory;
    private final HybridMemoryService hybrid;
    private final CheckpointStore store;
    private final Map<String, String> settings;

    CheckpointService(
            AppProperties app,
            MemoryService memory,
            HybridMemoryService hybrid,
            MemoryProperties memorySettings,
            SafetyProperties safety,
            PerformanceProperties performance,
            RateLimitProperties rateLimit,
            ObjectMapper json,
            Clock clock)
            throws IOException {
        this.memory = memory;
        this.hybrid = hybrid;
        this.store = new CheckpointStore(
                app.dataDir().resolve("checkpoints"), MAX_CHECKPOINTS, MAX_VISITOR_CHECKPOINTS, clock);
        store.problems().forEach(p -> log.warn("Checkpoints: {}", p));
        Map<String, String> s = new LinkedHashMap<>();
        s.put("memory", json.writeValueAsString(memorySettings));
        s.put("safety", json.writeValueAsString(safety));
        s.put("performance", json.writeValueAsString(performance));
        s.put("ratelimit", json.writeValueAsString(rateLimit));
        this.settings = Map.copyOf(s);
    }

    /**
     * @param checkpoint what was restored
     * @param checksumBefore the state's checksum before the rollback
     * @param checksumAfter after it
     * @param exact whether the state now matches the checkpoint's checksum
     * @param hybrid what happened to the shared episodic, semantic and working memory
     */
    public record RollbackReport(
            CheckpointInfo checkpoint, String checksumBefore, String checksumAfter, boolean exact, String hybrid) {}

    /** For consolidation: {@link #create} under the given reason, returning the id. */
    @Override
    public String checkpoint(String reason) {
        return create(reason).id();
    }

    /** An operator's or the system's checkpoint; see {@link #create(String, Origin)}. */
    public CheckpointInfo create(String reason) {
        return create(reason, Origin.OPERATOR);
    }

    /**
     * Saves the engine's items and vectors, the settings in force and, once it is loaded, the hybrid memory
     * (episodes, concepts and relations, working items, consolidator state). A checkpoint taken on behalf of a
     * visitor ({@code by}) goes to the visitors' own pool of {@value #MAX_VISITOR_CHECKPOINTS}, so visitor traffic
     * never prunes the operator's and the system's {@value #MAX_CHECKPOINTS}.
     */
    public CheckpointInfo create(String reason, Origin by) {
        MemoryEngine engine = memory.engine();
        byte[] hybridState = hybrid.ready() ? hybrid.exportState() : null;
        CheckpointInfo info =
                store.save(reason, engine.size(), engine.checksum(), settings, engine.exportState(), hybridState, by);
        log.info(
                "Checkpoint {} taken ({}): {} items{}",
                info.id(),
                reason,
                info.items(),
                hybridState == null ? ", hybrid memory not loaded so not included" : " and the hybrid memory");
        return info;
    }

    public List<CheckpointInfo> list() {
        return store.list();
    }

    public RollbackReport rollback(String id) {
        Checkpoint checkpoint =
                store.load(id).orElseThrow(() -> new IllegalArgumentException("no checkpoint with id " + id));
        MemoryEngine engine = memory.engine();
        String before = engine.checksum();
        engine.restoreState(checkpoint.memoryState());
        String after = engine.checksum();
        boolean exact = after.equals(checkpoint.info().checksum());
        String hybridOutcome;
        if (checkpoint.hybrid().isEmpty()) {
            hybridOutcome = "not in this checkpoint; left as it is";
        } else if (!hybrid.ready()) {
            hybridOutcome = "not restored: " + hybrid.stateReason();
        } else {
            var restored = hybrid.restoreState(checkpoint.hybrid().get());
            hybridOutcome = "restored: " + restored.episodic().episodes().size() + " episodes, "
                    + restored.semantic().concepts().size() + " concepts, "
                    + restored.working().items().size()
                    + " working items";
        }
        log.warn(
                "Rolled back to checkpoint {} ({}): state {} the checkpoint",
                id,
                checkpoint.info().reason(),
                exact ? "matches" : "does NOT match");
        return new RollbackReport(checkpoint.info(), before, after, exact, hybridOutcome);
    }

    public void emergencyStop(String reason) {
        memory.engine().freezeWrites(reason);
        log.warn("EMERGENCY STOP: memory writes frozen ({})", reason);
    }

    public void release() {
        memory.engine().releaseWrites();
        log.warn("Emergency stop released: memory writes allowed again");
    }

    public Optional<MemoryEngine.Freeze> emergency() {
        return memory.ready() ? memory.engine().frozen() : Optional.empty();
    }
}
