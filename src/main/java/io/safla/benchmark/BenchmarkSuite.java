package io.safla.benchmark;

import java.util.Set;

/** What a benchmark measures, and which of the spec's parameters it uses. */
public enum BenchmarkSuite {
    VECTOR_SEARCH_EXACT(
            "Vector search (exact, active kernel)",
            Set.of(Param.N, Param.DIMENSION, Param.K, Param.QUERIES),
            true,
            false),
    VECTOR_SEARCH_QUANTIZED(
            "Vector search (int8 quantized + exact rescoring)",
            Set.of(Param.N, Param.DIMENSION, Param.K, Param.QUERIES),
            true,
            false),
    VECTOR_SEARCH_SCALAR(
            "Vector search (exact, scalar kernel)",
            Set.of(Param.N, Param.DIMENSION, Param.K, Param.QUERIES),
            true,
            false),
    INSERTS("Vector inserts", Set.of(Param.N, Param.DIMENSION), false, false),
    EMBEDDING("Embedding (uncached model calls)", Set.of(Param.QUERIES), false, true),
    SAFETY("Safety validation (text layers)", Set.of(Param.QUERIES), false, false),
    CACHE_EFFECT("Search cache effect (hit vs miss)", Set.of(Param.K, Param.QUERIES), false, true),
    API_LATENCY("API latency (POST /api/memory/search)", Set.of(Param.K, Param.QUERIES), false, true);

    /** A tunable parameter of {@link BenchmarkSpec}; the seed is used by every suite. */
    public enum Param {
        N,
        DIMENSION,
        K,
        QUERIES
    }

    private final String label;
    private final Set<Param> params;
    private final boolean recall;
    private final boolean needsMemoryEngine;

    BenchmarkSuite(String label, Set<Param> params, boolean recall, boolean needsMemoryEngine) {
        this.label = label;
        this.params = params;
        this.recall = recall;
        this.needsMemoryEngine = needsMemoryEngine;
    }

    public String label() {
        return label;
    }

    /** The parameters this suite reads; the others are recorded but ignored. */
    public Set<Param> params() {
        return params;
    }

    public boolean uses(Param param) {
        return params.contains(param);
    }

    /** Whether the report carries recall@k against brute force. */
    public boolean measuresRecall() {
        return recall;
    }

    /** Whether the suite needs the application's loaded memory engine (its embedder, cache or API). */
    public boolean needsMemoryEngine() {
        return needsMemoryEngine;
    }

    /** Whether the suite scans a synthetic vector store. */
    public boolean isVectorSearch() {
        return this == VECTOR_SEARCH_EXACT || this == VECTOR_SEARCH_QUANTIZED || this == VECTOR_SEARCH_SCALAR;
    }
}
