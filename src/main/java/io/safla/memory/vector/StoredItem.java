package io.safla.memory.vector;

import java.time.Instant;
import java.util.Set;

/** A copy of one stored item; {@code vector} is the normalised vector as stored (a fresh array). */
public record StoredItem(
        String id,
        float[] vector,
        String type,
        Set<String> tags,
        float importance,
        Instant createdAt,
        Instant lastAccess) {

    public StoredItem {
        if (id == null || vector == null || type == null || tags == null || createdAt == null || lastAccess == null) {
            throw new IllegalArgumentException("all components are required");
        }
        tags = Set.copyOf(tags);
    }
}
