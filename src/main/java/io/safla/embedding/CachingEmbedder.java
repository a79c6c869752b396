package io.safla.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decorator that remembers recent embeddings in a size-bounded Caffeine cache (W-TinyLFU eviction).
 *
 * <p>Cached arrays never leave this class: every call returns a fresh copy, so a caller that scales or
 * overwrites its result cannot corrupt later answers. Blank text is rejected before the cache is consulted.
 */
public final class CachingEmbedder implements Embedder {

    private final Embedder delegate;
    private final Cache<String, float[]> cache;

    public CachingEmbedder(Embedder delegate, long maximumSize) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be >= 1, got " + maximumSize);
        }
        this.delegate = delegate;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                // eviction work runs on the calling thread: the bound is exact and no pool thread is involved
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    /** The wrapped embedder. */
    public Embedder delegate() {
        return delegate;
    }

    @Override
    public float[] embed(String text) {
        Vectors.requireText(text);
        return cache.get(text, delegate::embed).clone();
    }

    /** Serves hits from the cache and sends all misses to the delegate in one batch call. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        texts.forEach(Vectors::requireText);
        Map<String, float[]> found = new LinkedHashMap<>(cache.getAllPresent(texts));
        List<String> missing =
                texts.stream().filter(t -> !found.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> computed = delegate.embedAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                found.put(missing.get(i), computed.get(i));
                cache.put(missing.get(i), computed.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(found.get(t).clone());
        }
        return List.copyOf(out);
    }

    /** A snapshot of hit/miss counters and the current number of entries. */
    /** Drops every cached embedding (the memory manager calls this under memory pressure); returns how many. */
    public long clear() {
        long size = cache.estimatedSize();
        cache.invalidateAll();
        return size;
    }

    public Stats stats() {
        var s = cache.stats();
        return new Stats(s.hitCount(), s.missCount(), cache.estimatedSize());
    }

    /** Cache counters; {@code hitRate} is 0 before the first request. */
    public record Stats(long hits, long misses, long size) {
        public Stats {
            if (hits < 0 || misses < 0 || size < 0) {
                throw new IllegalArgumentException("counters must be >= 0");
            }
        }

        public double hitRate() {
            long total = hits + misses;
            return total == 0 ? 0 : (double) hits / total;
        }
    }
}
