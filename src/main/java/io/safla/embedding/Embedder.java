package io.safla.embedding;

import java.util.List;

/**
 * Turns text into a fixed-length, L2-normalised float vector.
 *
 * <p>Implementations are thread-safe. Returned arrays are owned by the caller. Every implementation in this
 * package rejects null or blank text with {@link IllegalArgumentException}: an empty string has no meaning to
 * embed, and silently returning a zero or constant vector would match everything equally badly.
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

    /** Cosine of two vectors returned by this embedder (a dot product, since both are unit length). */
    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimension mismatch: " + a.length + " vs " + b.length);
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot;
    }
}
