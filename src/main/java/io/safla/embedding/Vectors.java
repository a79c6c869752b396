package io.safla.embedding;

/** Small helpers shared by the embedders; package-private so the public surface stays the {@link Embedder} API. */
final class Vectors {

    private Vectors() {}

    /** Scales {@code v} in place to unit length; returns it. Throws if the norm is zero or not finite. */
    static float[] normalizeInPlace(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("vector has zero or non-finite norm");
        }
        float inv = (float) (1.0 / norm);
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be null or blank");
        }
        return text;
    }
}
