package io.safla.memory.persistence;

import java.util.Objects;

/**
 * One durable operation.
 *
 * @param sequence position in the log, starting at 1, strictly increasing
 * @param operation what the engine did, e.g. {@code put} or {@code delete}
 * @param payload the engine's own encoding of the operation
 */
public record LogEntry(long sequence, String operation, byte[] payload) {

    public LogEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be positive: " + sequence);
        }
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(payload, "payload");
        if (operation.isEmpty() || operation.length() > 64) {
            throw new IllegalArgumentException("operation must be 1-64 characters");
        }
    }
}
