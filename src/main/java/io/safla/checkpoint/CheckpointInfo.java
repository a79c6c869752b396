package io.safla.checkpoint;

import io.safla.memory.Origin;
import java.time.Instant;
import java.util.Objects;

/**
 * What a checkpoint is, without its (large) state.
 *
 * @param id unique, sortable by creation
 * @param reason why it was taken, e.g. "before bulk import"
 * @param createdAt when
 * @param items memory items it holds
 * @param checksum the engine's state checksum when it was taken; a rollback must reproduce it
 * @param bytes size on disk
 * @param origin whose pool it is in: visitors' checkpoints are pruned among themselves and never push out the
 *     operator's and the system's
 */
public record CheckpointInfo(
        String id, String reason, Instant createdAt, int items, String checksum, long bytes, Origin origin) {

    /** An operator's or the system's checkpoint. */
    public CheckpointInfo(String id, String reason, Instant createdAt, int items, String checksum, long bytes) {
        this(id, reason, createdAt, items, checksum, bytes, Origin.OPERATOR);
    }

    public CheckpointInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(origin, "origin");
    }
}
