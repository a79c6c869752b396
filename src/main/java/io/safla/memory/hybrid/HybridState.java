package io.safla.memory.hybrid;

import io.safla.memory.consolidation.ConsolidatorState;
import io.safla.memory.episodic.EpisodicState;
import io.safla.memory.semantic.SemanticState;
import io.safla.memory.working.WorkingState;
import java.util.Objects;

/**
 * Everything needed to rebuild a {@link HybridMemory}: the three memories and what the consolidator remembers
 * between runs (without it a restored store would promote the same working items again).
 */
public record HybridState(
        EpisodicState episodic, SemanticState semantic, WorkingState working, ConsolidatorState consolidator) {

    public HybridState {
        Objects.requireNonNull(episodic, "episodic");
        Objects.requireNonNull(semantic, "semantic");
        Objects.requireNonNull(working, "working");
        Objects.requireNonNull(consolidator, "consolidator");
    }
}
