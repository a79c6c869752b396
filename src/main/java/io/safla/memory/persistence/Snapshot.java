package io.safla.memory.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * A full copy of the engine state as of a log position.
 *
 * @param sequence the last log entry the state includes
 * @param createdAt when it was written
 * @param state the engine's own encoding of its state
 */
public record Snapshot(long sequence, Instant createdAt, byte[] state) {

    public Snapshot {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
    }
}
