package io.safla.memory.vector;

/**
 * A snapshot of a {@link VectorStore} for health and settings views.
 *
 * @param estimatedBytes rough heap held by the store, see {@link VectorStore#estimatedBytes()}
 */
public record StoreStats(
        int size,
        int capacity,
        int dimension,
        EvictionPolicy eviction,
        boolean quantized,
        long evictions,
        String kernel,
        long estimatedBytes) {

    public StoreStats {
        if (size < 0 || size > capacity || dimension < 1 || evictions < 0 || estimatedBytes < 0) {
            throw new IllegalArgumentException("inconsistent stats: size " + size + " of " + capacity);
        }
        if (eviction == null || kernel == null) {
            throw new IllegalArgumentException("eviction and kernel are required");
        }
    }
}
