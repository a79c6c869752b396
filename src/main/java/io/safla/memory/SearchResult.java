package io.safla.memory;

import java.util.List;

/**
 * @param hits best first
 * @param tookMicros time to answer, including embedding the query; near zero when cached
 * @param cached whether the search cache answered
 */
public record SearchResult(List<Hit> hits, long tookMicros, boolean cached) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    /** One result: the item and its similarity on the request's metric scale. */
    public record Hit(MemoryItem item, double score) {}
}
