package io.safla.embedding;

import java.util.List;
import java.util.function.Supplier;

/**
 * Chooses the embedder for a configured dimension: 384 means the real all-MiniLM-L6-v2 model, any other supported
 * dimension the hashing embedder. If the model cannot be loaded (e.g. the native runtime is missing), 384 falls
 * back to a 384-d hashing embedder and the selection says why, instead of failing the application.
 */
public final class EmbedderFactory {

    /** Dimensions offered in the UI; the hashing embedder accepts any dimension in its documented range. */
    public static final List<Integer> OFFERED_DIMENSIONS = List.of(384, 512, 768, 1024, 1536);

    private final Supplier<Embedder> miniLmLoader;

    /** Uses the bundled MiniLM model for 384-d. */
    public EmbedderFactory() {
        this(MiniLmEmbedder::new);
    }

    /** Lets tests substitute the model loader (for example one that throws). */
    public EmbedderFactory(Supplier<Embedder> miniLmLoader) {
        this.miniLmLoader = miniLmLoader;
    }

    /** Returns the embedder for {@code dimension}, wrapped in a cache of {@code cacheSize} entries if it is > 0. */
    public Selection create(int dimension, long cacheSize) {
        Selection raw = createUncached(dimension);
        if (cacheSize <= 0) {
            return raw;
        }
        return new Selection(new CachingEmbedder(raw.embedder(), cacheSize), raw.kind(), raw.reason());
    }

    private Selection createUncached(int dimension) {
        if (dimension == MiniLmEmbedder.DIMENSION) {
            try {
                return new Selection(miniLmLoader.get(), Kind.MINILM, "384-d requested: all-MiniLM-L6-v2 loaded");
            } catch (RuntimeException | LinkageError e) {
                return new Selection(
                        new HashingEmbedder(dimension),
                        Kind.HASHING_FALLBACK,
                        "all-MiniLM-L6-v2 failed to load (" + e + "); using hashing-384");
            }
        }
        return new Selection(
                new HashingEmbedder(dimension),
                Kind.HASHING,
                dimension + "-d requested: no bundled model has it, using feature hashing");
    }

    /** Which family of embedder is active. */
    public enum Kind {
        MINILM,
        HASHING,
        HASHING_FALLBACK
    }

    /** The chosen embedder and a one-line reason fit for a health panel. */
    public record Selection(Embedder embedder, Kind kind, String reason) {
        public Selection {
            if (embedder == null || kind == null || reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("embedder, kind and reason are required");
            }
        }

        /** e.g. {@code all-MiniLM-L6-v2 (int8 ONNX), 384-d [MINILM]: 384-d requested: ...}. */
        public String describe() {
            return embedder.name() + ", " + embedder.dimension() + "-d [" + kind + "]: " + reason;
        }
    }
}
