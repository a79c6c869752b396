package io.safla.memory.vector;

/** What a full {@link VectorStore} removes to make room for a new id. */
public enum EvictionPolicy {
    /** The least recently accessed item; inserts, updates, {@code get} and appearing in search results count. */
    LRU,
    /** The item with the lowest importance; ties go to the least recently accessed of them. */
    LOWEST_IMPORTANCE
}
