package io.safla.demo.service;

import io.safla.memory.MemoryEngine;
import io.safla.memory.MemoryItem;
import io.safla.memory.NewMemory;
import io.safla.safety.SafetyResult;
import io.safla.safety.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One visitor's "Safety intervention" run: a small private memory is checkpointed, a risky change is applied, the
 * safety gate judges every new memory, and a rejected change is rolled back from the checkpoint, proven by checksum.
 */
public final class InterventionSandbox {

    /** What the memory holds before the change: what the change puts at risk. */
    static final List<String> PROTECTED = List.of(
            "Batch normalisation rescales activations per batch.",
            "Attention weights say how much each token looks at another.");

    /** The state saved before the change: how many memories, and the checksum of every item and vector. */
    public record Checkpoint(int size, String checksum) {}

    /** The memory after the change. */
    public record Change(List<MemoryItem> added, int size, String checksum) {}

    /** The gate's verdict on one new memory. */
    public record Judged(Verdict verdict, String text) {}

    /** Every new memory's verdict; one unsafe memory rejects the whole change. */
    public record Inspection(List<Judged> verdicts, boolean rollBack) {}

    /** The memory after the rollback, and whether its checksum is the checkpoint's. */
    public record Restored(int size, String checksum, boolean matchesCheckpoint) {}

    private final MemoryEngine engine;
    private final Function<String, SafetyResult> gate;
    private byte @Nullable [] saved;
    private @Nullable String savedChecksum;
    private List<MemoryItem> added = List.of();
    private boolean rollBack;

    /** The gate validates one text; the engine receives the {@link #PROTECTED} memories at once. */
    InterventionSandbox(MemoryEngine engine, Function<String, SafetyResult> gate) {
        this.engine = engine;
        this.gate = gate;
        engine.addAll(PROTECTED.stream().map(NewMemory::of).toList());
    }

    /** Saves the state before the risky change. */
    public Checkpoint checkpoint() {
        saved = engine.exportState();
        savedChecksum = engine.checksum();
        return new Checkpoint(engine.size(), savedChecksum);
    }

    /** Writes the new memories: 1 to 20, each at most 1 000 characters. */
    public Change apply(List<String> memories) {
        if (memories.isEmpty() || memories.size() > 20 || memories.stream().anyMatch(l -> l.length() > 1000)) {
            throw new IllegalArgumentException("give 1 to 20 memories of at most 1 000 characters each");
        }
        added = engine.addAll(memories.stream().map(NewMemory::of).toList());
        return new Change(added, engine.size(), engine.checksum());
    }

    /** Validates every memory the change added; one unsafe memory is enough to roll the change back. */
    public Inspection inspect() {
        List<Judged> verdicts = new ArrayList<>();
        for (MemoryItem item : added) {
            SafetyResult r = gate.apply(item.text());
            rollBack |= r.verdict() == Verdict.UNSAFE;
            verdicts.add(new Judged(r.verdict(), item.text()));
        }
        return new Inspection(List.copyOf(verdicts), rollBack);
    }

    /** Restores the checkpoint if the gate rejected the change; empty if it kept the change. */
    public Optional<Restored> rollBackIfRejected() {
        if (!rollBack) {
            return Optional.empty();
        }
        byte[] state = saved;
        String checksum = savedChecksum;
        if (state == null || checksum == null) {
            throw new IllegalStateException("no checkpoint to roll back to");
        }
        engine.restoreState(state);
        String now = engine.checksum();
        return Optional.of(new Restored(engine.size(), now, now.equals(checksum)));
    }
}
