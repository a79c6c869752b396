package io.safla.memory.vector;

/**
 * Settings fixed for the life of a {@link VectorStore}.
 *
 * @param dimension     length of every stored vector
 * @param capacity      hard maximum number of items; inserting a new id beyond it evicts one
 * @param eviction      which item is evicted when full
 * @param quantized     also keep an int8 copy of every vector (+{@code dimension + 4} bytes per item) so that
 *                      {@link VectorStore#searchQuantized} can scan 4x less memory
 * @param searchThreads threads used to scan large stores ({@code 1} = the caller's thread only)
 */
public record VectorStoreConfig(
        int dimension, int capacity, EvictionPolicy eviction, boolean quantized, int searchThreads) {

    public static final int MAX_DIMENSION = 65_536;

    public VectorStoreConfig {
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("dimension must be in [1, " + MAX_DIMENSION + "], got " + dimension);
        }
        // rows are addressed as row * dimension in one int-indexed float[]
        if (capacity < 1 || (long) capacity * dimension > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "capacity must be >= 1 and capacity * dimension < 2^31, got " + capacity + " x " + dimension);
        }
        if (eviction == null) {
            throw new IllegalArgumentException("eviction is required");
        }
        if (searchThreads < 1 || searchThreads > 256) {
            throw new IllegalArgumentException("searchThreads must be in [1, 256], got " + searchThreads);
        }
    }

    /** Exact search, LRU eviction, 100k items, single-threaded. */
    public static VectorStoreConfig of(int dimension) {
        return new VectorStoreConfig(
                dimension, Math.min(100_000, (Integer.MAX_VALUE - 8) / dimension), EvictionPolicy.LRU, false, 1);
    }

    public VectorStoreConfig withCapacity(int newCapacity) {
        return new VectorStoreConfig(dimension, newCapacity, eviction, quantized, searchThreads);
    }

    public VectorStoreConfig withEviction(EvictionPolicy newEviction) {
        return new VectorStoreConfig(dimension, capacity, newEviction, quantized, searchThreads);
    }

    public VectorStoreConfig withQuantized(boolean newQuantized) {
        return new VectorStoreConfig(dimension, capacity, eviction, newQuantized, searchThreads);
    }

    public VectorStoreConfig withSearchThreads(int newSearchThreads) {
        return new VectorStoreConfig(dimension, capacity, eviction, quantized, newSearchThreads);
    }
}
