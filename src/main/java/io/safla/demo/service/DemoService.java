package io.safla.demo.service;

import io.safla.memory.MemoryEngine;
import io.safla.memory.service.MemoryService;
import io.safla.memory.vector.EvictionPolicy;
import io.safla.memory.vector.KernelProvider;
import io.safla.safety.service.SafetyService;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * The guided scenarios run the real engine code with the real embedder, but in a private sandbox per visitor, so
 * a visitor's experiment never changes what other visitors see and needs no operator token.
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

    /** A new in-memory engine sharing the loaded embedding model; throws if the model is not loaded yet. */
    public MemoryEngine newSandbox() {
        MemoryEngine shared = memory.engine();
        return new MemoryEngine(new MemoryEngine.Config(SANDBOX_CAPACITY, EvictionPolicy.LRU, 50,
                Duration.ofMinutes(5), Integer.MAX_VALUE, 1), shared.embedder(), KernelProvider.kernel(), null, clock);
    }

    public SafetyService safety() {
        return safety;
    }
}
