package io.safla.checkpoint;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A saved engine state: the memory (items and vectors, in the engine's snapshot encoding) and the settings in force.
 *
 * @param info what it is
 * @param settings the effective settings at the time, as flat name to value pairs
 * @param memoryState the engine's exported state
 * @param hybridState the shared episodic, semantic and working memory in their file encoding; null in checkpoints
 *     taken before they were covered, or while they were not loaded
 */
public record Checkpoint(
        CheckpointInfo info, Map<String, String> settings, byte[] memoryState, byte @Nullable [] hybridState) {

    public Checkpoint {
        Objects.requireNonNull(info, "info");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(memoryState, "memoryState");
    }

    public Checkpoint(CheckpointInfo info, Map<String, String> settings, byte[] memoryState) {
        this(info, settings, memoryState, null);
    }

    public Optional<byte[]> hybrid() {
        return Optional.ofNullable(hybridState);
    }
}
