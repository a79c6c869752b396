package io.safla.memory.vector;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Restricts a search to matching items. Empty sets and null bounds mean "no restriction".
 *
 * @param types any of these types
 * @param tags  all of these tags
 * @param from  created at or after (inclusive)
 * @param to    created before (exclusive)
 */
public record SearchFilter(
        Set<String> types,
        Set<String> tags,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static final SearchFilter NONE = new SearchFilter(Set.of(), Set.of(), null, null);

    public SearchFilter {
        if (types == null || tags == null) {
            throw new IllegalArgumentException("types and tags must not be null (use empty sets)");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to: " + from + " .. " + to);
        }
        types = Set.copyOf(types);
        tags = Set.copyOf(tags);
    }

    public static SearchFilter types(String... types) {
        return new SearchFilter(Set.of(types), Set.of(), null, null);
    }

    public static SearchFilter tags(String... tags) {
        return new SearchFilter(Set.of(), Set.of(tags), null, null);
    }

    public static SearchFilter createdBetween(@Nullable Instant from, @Nullable Instant to) {
        return new SearchFilter(Set.of(), Set.of(), from, to);
    }

    public boolean isNone() {
        return types.isEmpty() && tags.isEmpty() && from == null && to == null;
    }
}
