package io.safla.cognition;

import io.safla.memory.MemoryEngine;
import io.safla.memory.MemoryItem;
import io.safla.memory.SearchRequest;
import io.safla.memory.SearchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the pool strategies re-rank: the memory's top {@code cosinePool} by cosine, plus the top
 * {@code lexicalPool} by BM25 that cosine missed (an item whose only tie to the query is an identifier may rank
 * far down by cosine). Keeps its BM25 index in step with the engine by the engine's {@link MemoryEngine#version()}.
 * Query embeddings are memoised (bounded), since the loop evaluates the same judged queries many times.
 */
public final class CandidateRetriever {

    private static final int EMBEDDING_MEMO = 2_000;

    private final MemoryEngine engine;
    private final int cosinePool;
    private final int lexicalPool;
    private final Bm25Index index = new Bm25Index();
    private long indexedVersion = -1;
    private final Map<String, float[]> queryVectors = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > EMBEDDING_MEMO;
        }
    };

    public CandidateRetriever(MemoryEngine engine, int cosinePool, int lexicalPool) {
        if (cosinePool < 1 || cosinePool > SearchRequest.MAX_K || lexicalPool < 0) {
            throw new IllegalArgumentException("cosinePool must be 1-" + SearchRequest.MAX_K + " and lexicalPool >= 0");
        }
        this.engine = engine;
        this.cosinePool = cosinePool;
        this.lexicalPool = lexicalPool;
    }

    public MemoryEngine engine() {
        return engine;
    }

    /**
     * The pool for {@code query}. Candidates below {@code threshold} cosine are dropped unless they share a term
     * with the query, so a learned threshold trims noise without hiding lexical matches.
     */
    public synchronized List<Candidate> candidates(String query, double threshold) {
        syncIndex();
        float[] q = queryVectors.computeIfAbsent(query, engine.embedder()::embed);
        SearchResult byCosine = engine.searchByVector(q, SearchRequest.of(query, cosinePool));
        Map<String, Candidate> pool = new LinkedHashMap<>();
        Map<String, Double> lexical = index.scores(
                query, byCosine.hits().stream().map(h -> h.item().id()).toList());
        for (SearchResult.Hit hit : byCosine.hits()) {
            String id = hit.item().id();
            Optional<float[]> vector = engine.vectorOf(id);
            double lex = lexical.getOrDefault(id, 0.0);
            if (vector.isPresent() && (hit.score() >= threshold || lex > 0)) {
                pool.put(id, new Candidate(hit.item(), hit.score(), lex, vector.get()));
            }
        }
        for (Map.Entry<String, Double> e : index.top(query, lexicalPool)) {
            if (pool.containsKey(e.getKey())) {
                continue;
            }
            Optional<MemoryItem> item = engine.get(e.getKey());
            Optional<float[]> vector = engine.vectorOf(e.getKey());
            if (item.isPresent() && vector.isPresent()) {
                pool.put(
                        e.getKey(),
                        new Candidate(item.get(), Strategies.dot(q, vector.get()), e.getValue(), vector.get()));
            }
        }
        return new ArrayList<>(pool.values());
    }

    /** Rebuilds the lexical index when the engine changed since it was last read; cheap for small memories. */
    private void syncIndex() {
        long version = engine.version();
        if (version == indexedVersion) {
            return;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (MemoryItem item : engine.list(i -> true)) {
            texts.put(item.id(), item.text());
        }
        index.rebuild(texts);
        indexedVersion = version;
    }

    public synchronized int indexedDocuments() {
        syncIndex();
        return index.size();
    }
}
