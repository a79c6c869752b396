package io.safla.embedding;

import java.util.List;

/**
 * Turns text into a fixed-length, L2-normalised float vector.
 *
 * <p>Implementations are thread-safe. Returned arrays are owned by the caller.
 */
public interface Embedder {

    /** A short stable name shown in the UI and stats, e.g. {@code all-MiniLM-L6-v2}. */
    String name();

    /** Length of every vector this embedder returns. */
    int dimension();

    /** Embeds one text; returns a new unit-length vector. */
    float[] embed(String text);

    /** Embeds many texts in one call; returns one new unit-length vector per text, in order. */
    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
