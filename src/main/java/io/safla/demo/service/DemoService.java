package io.safla.demo.service;

import io.safla.cognition.experiment.RetrievalSet;
import io.safla.embedding.Embedder;
import io.safla.memory.MemoryEngine;
import io.safla.memory.service.MemoryService;
import io.safla.memory.vector.EvictionPolicy;
import io.safla.memory.vector.KernelProvider;
import io.safla.safety.SafetyResult;
import io.safla.safety.service.SafetyService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The guided scenarios run the real engine code with the real embedder, but in a private sandbox per visitor, so
 * a visitor's experiment never changes what other visitors see and needs no operator token. Each {@code new...}
 * method starts one visitor's run of one scenario; the sandbox it returns holds that run's state.
 */
@Service
public class DemoService {

    static final int SANDBOX_CAPACITY = 500;

    private final MemoryService memory;
    private final SafetyService safety;
    private final Clock clock;

    DemoService(MemoryService memory, SafetyService safety, Clock clock) {
        this.memory = memory;
        this.safety = safety;
        this.clock = clock;
    }

    /** "Remember and recall": an empty private memory; throws if the model is not loaded yet. */
    public RecallSandbox newRecall() {
        return new RecallSandbox(newSandbox());
    }

    /** "Safety intervention": a small private memory to change and roll back; throws if the model is not loaded. */
    public InterventionSandbox newIntervention() {
        return new InterventionSandbox(newSandbox(), this::validate);
    }

    /** "Memory consolidation": the embedder is only needed (and the model only required) once the memories load. */
    public ConsolidationSandbox newConsolidation() {
        return new ConsolidationSandbox(() -> memory.engine().embedder(), clock);
    }

    /** "Self-improving loop": the bundled labelled set loaded into a private memory, with a fresh feedback loop. */
    public LoopSandbox newLoop() {
        return new LoopSandbox(newSandbox(), RetrievalSet.bundled(), clock);
    }

    /** Validates a visitor's text with the shared validator at the default level; nothing is stored. */
    public SafetyResult validate(String text) {
        return safety.validate(text, null, null, List.of(), "demo");
    }

    /** A new in-memory engine sharing the loaded embedding model; throws if the model is not loaded yet. */
    MemoryEngine newSandbox() {
        return sandbox(memory.engine().embedder(), clock);
    }

    /** The sandbox engine's settings: small, no durable log, a short search cache. */
    static MemoryEngine sandbox(Embedder embedder, Clock clock) {
        return new MemoryEngine(
                new MemoryEngine.Config(
                        SANDBOX_CAPACITY, EvictionPolicy.LRU, 50, Duration.ofMinutes(5), Integer.MAX_VALUE, 1),
                embedder,
                KernelProvider.kernel(),
                null,
                clock);
    }
}
