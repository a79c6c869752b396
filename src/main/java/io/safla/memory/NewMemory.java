package io.safla.memory;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a caller asks the engine to remember. Only the text is required.
 *
 * @param id optional caller-chosen id (an existing id is replaced)
 * @param createdAt optional, e.g. for imported or demo episodes; now when absent
 */
public record NewMemory(
        @Nullable String id,
        String text,
        MemoryType type,
        Set<String> tags,
        double importance,
        @Nullable Instant createdAt,
        Map<String, String> metadata) {

    public NewMemory {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (type == null) {
            type = MemoryType.VECTOR;
        }
    }

    public static NewMemory of(String text) {
        return new NewMemory(null, text, MemoryType.VECTOR, Set.of(), 0.5, null, Map.of());
    }

    public static NewMemory of(String text, MemoryType type) {
        return new NewMemory(null, text, type, Set.of(), 0.5, null, Map.of());
    }
}
