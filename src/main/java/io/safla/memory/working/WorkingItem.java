package io.safla.memory.working;

import io.safla.memory.episodic.Tags;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A stored working-memory item. Attention is not stored: it is derived from {@code baseAttention} and
 * {@code lastAccess} at read time (see {@link WorkingMemory}).
 *
 * @param baseAttention attention at {@code lastAccess}, in [0, 1]
 */
public record WorkingItem(String id, String text, double baseAttention, Instant lastAccess, Set<String> tags) {

    public WorkingItem {
        if (id == null || id.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("id and text must not be null or blank");
        }
        if (!(baseAttention >= 0 && baseAttention <= 1)) {
            throw new IllegalArgumentException("baseAttention must be in [0, 1], got " + baseAttention);
        }
        Objects.requireNonNull(lastAccess, "lastAccess");
        tags = Tags.normalise(Objects.requireNonNull(tags, "tags"));
    }
}
