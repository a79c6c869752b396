package io.safla.memory.vector;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a caller attaches to a vector at insert.
 *
 * @param type       a short category used by filters, e.g. {@code episodic}
 * @param tags       labels used by filters (copied, unmodifiable)
 * @param importance used by {@link EvictionPolicy#LOWEST_IMPORTANCE}; must be finite
 * @param createdAt  when the item was created; {@code null} means "now" on the store's clock
 */
public record ItemMetadata(
        String type,
        Set<String> tags,
        float importance,
        @Nullable Instant createdAt) {

    public ItemMetadata {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
        if (tags == null || tags.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new IllegalArgumentException("tags must be non-null and non-blank");
        }
        if (!Float.isFinite(importance)) {
            throw new IllegalArgumentException("importance must be finite, got " + importance);
        }
        tags = Set.copyOf(tags);
    }

    /** Type only, no tags, importance 0, created now. */
    public static ItemMetadata of(String type) {
        return new ItemMetadata(type, Set.of(), 0f, null);
    }

    public ItemMetadata withImportance(float newImportance) {
        return new ItemMetadata(type, tags, newImportance, createdAt);
    }

    public ItemMetadata withTags(Set<String> newTags) {
        return new ItemMetadata(type, newTags, importance, createdAt);
    }

    public ItemMetadata withCreatedAt(Instant newCreatedAt) {
        return new ItemMetadata(type, tags, importance, newCreatedAt);
    }
}
