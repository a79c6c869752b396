package io.safla.checkpoint;

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
 */
public record CheckpointInfo(String id, String reason, Instant createdAt, int items, String checksum, long bytes) {

    public CheckpointInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(checksum, "checksum");
    }
}
