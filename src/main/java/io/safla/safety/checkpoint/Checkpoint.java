package io.safla.safety.checkpoint;

import java.util.Map;
import java.util.Objects;

/**
 * A saved engine state: the memory (items and vectors, in the engine's snapshot encoding) and the settings in force.
 *
 * @param info what it is
 * @param settings the effective settings at the time, as flat name to value pairs
 * @param memoryState the engine's exported state
 */
public record Checkpoint(CheckpointInfo info, Map<String, String> settings, byte[] memoryState) {

    public Checkpoint {
        Objects.requireNonNull(info, "info");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(memoryState, "memoryState");
    }
}
