package io.safla.memory.service;

/**
 * Takes a restorable checkpoint of the engine's whole state before memory changes it on its own (consolidation).
 * The safety feature owns checkpoints and implements this, so memory needs no dependency on it.
 */
@FunctionalInterface
public interface StateCheckpoints {

    /** Takes a checkpoint labelled {@code reason} and returns its id. */
    String checkpoint(String reason);
}
