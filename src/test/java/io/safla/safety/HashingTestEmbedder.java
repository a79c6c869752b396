package io.safla.safety;

import io.safla.embedding.Embedder;
import java.util.Locale;

/**
 * Test-only deterministic embedder: signed feature hashing of word unigrams, word bigrams and
 * character 4-grams, L2-normalised. Crude next to MiniLM, but it makes the semantic layer's tests
 * independent of the production embedders on another branch.
 */
final class HashingTestEmbedder implements Embedder {

    private final int dim;

    HashingTestEmbedder(int dim) {
        this.dim = dim;
    }

    HashingTestEmbedder() {
        this(1024);
    }

    @Override
    public String name() {
        return "test-hashing-" + dim;
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public float[] embed(String text) {
        float[] v = new float[dim];
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+");
        String prev = null;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            add(v, "w:" + w, 1.0f);
            if (prev != null) {
                add(v, "b:" + prev + ' ' + w, 0.7f);
            }
            String padded = '^' + w + '$';
            for (int i = 0; i + 4 <= padded.length(); i++) {
                add(v, "c:" + padded.substring(i, i + 4), 0.35f);
            }
            prev = w;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dim; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private void add(float[] v, String feature, float weight) {
        int h = mix(feature.hashCode());
        int idx = Math.floorMod(h, dim);
        v[idx] += (mix(h ^ 0x5bd1e995) & 1) == 0 ? weight : -weight;
    }

    /** Murmur3 finaliser: String.hashCode alone clusters similar strings into nearby buckets. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
