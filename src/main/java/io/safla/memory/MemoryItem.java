package io.safla.memory;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One stored memory. The text is always kept, so the store can be re-embedded when the embedder changes.
 *
 * @param id unique, chosen by the engine unless the caller supplies one
 * @param text what was remembered
 * @param type which memory it belongs to
 * @param tags labels for filtering (sorted)
 * @param importance in [0, 1]; drives eviction under the lowest-importance policy and consolidation
 * @param createdAt when it was stored
 * @param metadata free-form string pairs (sorted)
 * @param origin who added it; only visitors' items are evicted to make room for a visitor
 */
public record MemoryItem(
        String id,
        String text,
        MemoryType type,
        Set<String> tags,
        double importance,
        Instant createdAt,
        Map<String, String> metadata,
        Origin origin) {

    /** An operator's (or the seed's) item. */
    public MemoryItem(
            String id,
            String text,
            MemoryType type,
            Set<String> tags,
            double importance,
            Instant createdAt,
            Map<String, String> metadata) {
        this(id, text, type, tags, importance, createdAt, metadata, Origin.OPERATOR);
    }

    public MemoryItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(origin, "origin");
        if (id.isBlank() || id.length() > 128) {
            throw new IllegalArgumentException("id must be 1-128 characters");
        }
        if (!(importance >= 0 && importance <= 1)) {
            throw new IllegalArgumentException("importance must be in [0, 1], got " + importance);
        }
        tags = java.util.Collections.unmodifiableSet(new TreeSet<>(tags == null ? Set.of() : tags));
        metadata = java.util.Collections.unmodifiableMap(new TreeMap<>(metadata == null ? Map.of() : metadata));
    }
}
