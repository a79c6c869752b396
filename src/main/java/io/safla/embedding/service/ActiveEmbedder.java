package io.safla.embedding.service;

import io.safla.embedding.EmbedderFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Which embedder the engine runs now. Memory loads it and replaces it when a settings change re-embeds the store;
 * safety, benchmarks and health read it here rather than asking memory which model is loaded.
 */
@Service
public class ActiveEmbedder {

    private final EmbedderFactory factory = new EmbedderFactory();
    private volatile EmbedderFactory.@Nullable Selection active;

    /** The embedder in use, or null before the first one is loaded. */
    public EmbedderFactory.@Nullable Selection current() {
        return active;
    }

    /** Picks an embedder for the dimension (MiniLM for 384, else the hashing fallback) without activating it. */
    public EmbedderFactory.Selection select(int dimension, long cacheSize) {
        return factory.create(dimension, cacheSize);
    }

    /** Makes the selection the one in use; called once the store's vectors come from it. */
    public void activate(EmbedderFactory.Selection selection) {
        active = selection;
    }
}
