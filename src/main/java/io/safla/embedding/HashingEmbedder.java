package io.safla.embedding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deterministic bag-of-features embedder using the hashing trick; needs no model, works for any dimension.
 *
 * <p>Features: lower-cased word unigrams, word bigrams, and character 3- to 5-grams of each word padded with
 * {@code <} and {@code >} (fastText-style, so "load" and "loaded" share most features). Each feature is hashed
 * with a 64-bit FNV-1a hash finished by MurmurHash3's {@code fmix64}; high bits pick the bucket and the lowest bit
 * picks the sign, so collisions cancel in expectation instead of piling up. A feature's weight is
 * {@code (1 + ln tf) * kindWeight} (sublinear TF: repeating a word does not swamp the rest), and the result is
 * L2-normalised, so cosine is a dot product in [-1, 1] and unrelated texts score near 0.
 *
 * <p>Null or blank text is rejected with {@link IllegalArgumentException}. Text with no letters or digits (e.g.
 * "?!") still embeds: its trimmed form is treated as one word.
 */
public final class HashingEmbedder implements Embedder {

    public static final int MIN_DIMENSION = 16;
    public static final int MAX_DIMENSION = 8192;

    private static final double WORD_WEIGHT = 1.0;
    private static final double BIGRAM_WEIGHT = 0.7;
    // A word yields ~3x as many char n-grams as it has letters, so their weight is lowered to keep words dominant.
    private static final double CHAR_GRAM_WEIGHT = 0.25;
    private static final long SEED_WORD = 0x9E3779B97F4A7C15L;
    private static final long SEED_BIGRAM = 0xC2B2AE3D27D4EB4FL;
    private static final long SEED_CHAR = 0x165667B19E3779F9L;

    private final int dimension;

    public HashingEmbedder(int dimension) {
        if (dimension < MIN_DIMENSION || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException(
                    "dimension must be in [" + MIN_DIMENSION + ", " + MAX_DIMENSION + "], got " + dimension);
        }
        this.dimension = dimension;
    }

    @Override
    public String name() {
        return "hashing-" + dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embed(String text) {
        Vectors.requireText(text);
        List<String> words = tokenize(text);
        // Same key, different kinds must not collide systematically, hence a per-kind seed in the hash.
        Map<Long, double[]> features = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            count(features, hash(w, SEED_WORD), WORD_WEIGHT);
            if (i + 1 < words.size()) {
                count(features, hash(w + ' ' + words.get(i + 1), SEED_BIGRAM), BIGRAM_WEIGHT);
            }
            String padded = '<' + w + '>';
            for (int n = 3; n <= 5; n++) {
                for (int s = 0; s + n <= padded.length(); s++) {
                    count(features, hash(padded.substring(s, s + n), SEED_CHAR), CHAR_GRAM_WEIGHT);
                }
            }
        }
        double[] acc = new double[dimension];
        for (Map.Entry<Long, double[]> e : features.entrySet()) {
            long h = e.getKey();
            double tf = e.getValue()[0];
            double weight = (1 + Math.log(tf)) * e.getValue()[1];
            int bucket = (int) Long.remainderUnsigned(h >>> 1, dimension);
            acc[bucket] += (h & 1L) == 0 ? weight : -weight;
        }
        float[] v = new float[dimension];
        double sum = 0;
        for (int i = 0; i < dimension; i++) {
            sum += acc[i] * acc[i];
        }
        if (sum == 0) {
            // Only possible if every feature cancelled out; a fixed unit vector keeps the contract.
            v[0] = 1f;
            return v;
        }
        double inv = 1.0 / Math.sqrt(sum);
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) (acc[i] * inv);
        }
        return v;
    }

    private static void count(Map<Long, double[]> features, long hash, double kindWeight) {
        features.computeIfAbsent(hash, h -> new double[] {0, kindWeight})[0] += 1;
    }

    /** Lower-cased runs of letters or digits; the whole trimmed text if there are none. */
    static List<String> tokenize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(lower.substring(start));
        }
        if (words.isEmpty()) {
            words.add(lower.trim());
        }
        return words;
    }

    /** FNV-1a over UTF-16 units, then fmix64 so that nearby strings spread over all 64 bits. */
    static long hash(String s, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            h ^= c & 0xff;
            h *= 0x100000001b3L;
            h ^= c >>> 8;
            h *= 0x100000001b3L;
        }
        return fmix64(h);
    }

    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
