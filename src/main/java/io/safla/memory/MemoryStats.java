package io.safla.memory;

import java.util.Map;

/**
 * What the engine holds and how it runs, for the stats view and {@code /api/memory/stats}.
 *
 * @param count items stored
 * @param byType items per memory type (every type present, zero when empty)
 * @param capacity {@code SAFLA_MEMORY_SIZE}
 * @param dimension vector length
 * @param embedder the embedder's name
 * @param kernel the similarity kernel and why it was chosen
 * @param evictions items evicted since start
 * @param estimatedBytes heap held by the vector store
 * @param searchCacheSize entries in the search cache
 * @param searchCacheHitRate hits / lookups of the search cache since start
 * @param logSequence the newest durable log entry
 * @param diskBytes bytes of log and snapshots on disk
 */
public record MemoryStats(
        int count,
        Map<String, Integer> byType,
        int capacity,
        int dimension,
        String embedder,
        String kernel,
        long evictions,
        long estimatedBytes,
        long searchCacheSize,
        double searchCacheHitRate,
        long logSequence,
        long diskBytes) {

    public MemoryStats {
        byType = Map.copyOf(byType);
    }
}
