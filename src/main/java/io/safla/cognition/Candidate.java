package io.safla.cognition;

import io.safla.memory.MemoryItem;

/**
 * One item in the pool a strategy re-ranks.
 *
 * @param cosine cosine similarity to the query (unit vectors, so the dot product)
 * @param lexical raw BM25 score for the query, 0 when no term is shared
 * @param vector the item's stored unit vector, for diversification
 */
public record Candidate(MemoryItem item, double cosine, double lexical, float[] vector) {

    public String id() {
        return item.id();
    }
}
