package io.safla.demo.service;

import io.safla.memory.MemoryEngine;
import io.safla.memory.MemoryItem;
import io.safla.memory.MemoryStats;
import io.safla.memory.NewMemory;
import io.safla.memory.SearchRequest;
import io.safla.memory.SearchResult;
import java.util.List;

/** One visitor's "Remember and recall" run: a private memory to store facts in and recall them by meaning. */
public final class RecallSandbox {

    /** How many facts a recall returns. */
    public static final int RECALLED = 3;

    /** The facts as stored, and how long embedding and storing them took. */
    public record Stored(List<MemoryItem> items, long millis) {}

    private final MemoryEngine engine;

    RecallSandbox(MemoryEngine engine) {
        this.engine = engine;
    }

    /** What the memory holds and how it runs: dimension, embedder, kernel. */
    public MemoryStats stats() {
        return engine.stats();
    }

    /** Embeds and stores the facts; at least one, each at most 1 000 characters. */
    public Stored store(List<String> facts) {
        if (facts.isEmpty()) {
            throw new IllegalArgumentException("type at least one fact");
        }
        if (facts.stream().anyMatch(l -> l.length() > 1000)) {
            throw new IllegalArgumentException("each fact must be at most 1 000 characters");
        }
        long start = System.nanoTime();
        List<MemoryItem> stored =
                engine.addAll(facts.stream().map(NewMemory::of).toList());
        return new Stored(stored, (System.nanoTime() - start) / 1_000_000);
    }

    /** The {@value #RECALLED} stored facts most similar to the question, best first. */
    public SearchResult recall(String question) {
        return engine.search(SearchRequest.of(question, RECALLED));
    }

    /** As {@link #recall(String)}, leaving out facts that score below the minimum. */
    public SearchResult recall(String question, double minScore) {
        return engine.search(SearchRequest.of(question, RECALLED).withThreshold(minScore));
    }
}
