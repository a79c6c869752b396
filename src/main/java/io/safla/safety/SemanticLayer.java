package io.safla.safety;

import io.safla.embedding.Embedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Catches paraphrased instruction attacks by a k-nearest-neighbour vote over labelled exemplars,
 * using cosine similarity of embeddings. The whole input and each of its sentences are compared,
 * so one malicious sentence inside a long benign text still counts.
 *
 * <p>Implementation notes: exemplar vectors are computed once in the constructor. A chunk is
 * flagged when (a) its most similar attack exemplar reaches {@code minSimilarity} and (b) the
 * similarity-weighted share of attack exemplars among its {@code k} nearest neighbours reaches
 * {@code minVote}. Benign exemplars that sit close to attacks ("ignore the previous step" in a
 * recipe) pull the vote down, which is how precision is kept. Both thresholds are embedder-specific
 * (a hashing embedder gives much lower cosines than MiniLM for a paraphrase), so they are passed in,
 * never hard-coded. Cost is O(chunks x exemplars x dimension).
 */
public final class SemanticLayer extends FindingLayer {

    public static final String NAME = "semantic";

    /** Long inputs are split into at most this many sentence chunks to bound latency. */
    static final int MAX_CHUNKS = 12;

    private final Embedder embedder;
    private final List<Exemplar> exemplars;
    private final float[][] vectors;
    private final Thresholds thresholds;

    /**
     * Per-level thresholds; stricter levels must not be higher.
     *
     * @param k neighbours that vote
     * @param minSimilarity cosine the nearest attack exemplar must reach
     * @param minVote similarity-weighted attack share among the k neighbours
     */
    public record Thresholds(int k, Map<SafetyLevel, Double> minSimilarity, Map<SafetyLevel, Double> minVote) {

        public Thresholds {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1");
            }
            minSimilarity = monotone(minSimilarity, "minSimilarity");
            minVote = monotone(minVote, "minVote");
        }

        /** Convenience: values for STRICT, MODERATE, PERMISSIVE in that order. */
        public static Thresholds of(int k, double[] minSimilarity, double[] minVote) {
            return new Thresholds(k, byLevel(minSimilarity), byLevel(minVote));
        }

        private static Map<SafetyLevel, Double> byLevel(double[] v) {
            if (v.length != 3) {
                throw new IllegalArgumentException("need STRICT, MODERATE, PERMISSIVE values");
            }
            return Map.of(SafetyLevel.STRICT, v[0], SafetyLevel.MODERATE, v[1], SafetyLevel.PERMISSIVE, v[2]);
        }

        private static Map<SafetyLevel, Double> monotone(Map<SafetyLevel, Double> m, String name) {
            EnumMap<SafetyLevel, Double> copy = new EnumMap<>(SafetyLevel.class);
            for (SafetyLevel l : SafetyLevel.values()) {
                Double v = m.get(l);
                if (v == null || !(v >= -1.0 && v <= 1.0)) {
                    throw new IllegalArgumentException(name + " needs a value in [-1, 1] for " + l);
                }
                copy.put(l, v);
            }
            if (copy.get(SafetyLevel.STRICT) > copy.get(SafetyLevel.MODERATE)
                    || copy.get(SafetyLevel.MODERATE) > copy.get(SafetyLevel.PERMISSIVE)) {
                throw new IllegalArgumentException(name + " must not grow with strictness");
            }
            return Map.copyOf(copy);
        }
    }

    public SemanticLayer(Embedder embedder, List<Exemplar> exemplars, Thresholds thresholds) {
        super(NAME);
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.exemplars = List.copyOf(exemplars);
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        if (this.exemplars.isEmpty()) {
            throw new IllegalArgumentException("no exemplars");
        }
        List<float[]> vs =
                embedder.embedAll(this.exemplars.stream().map(Exemplar::text).toList());
        this.vectors = vs.toArray(new float[0][]);
        for (float[] v : vectors) {
            if (v.length != embedder.dimension()) {
                throw new IllegalArgumentException(
                        "embedder returned " + v.length + " dims, declared " + embedder.dimension());
            }
        }
    }

    @Override
    protected List<Finding> find(SafetyInput input) {
        SafetyLevel level = input.level();
        List<Finding> out = new ArrayList<>();
        for (int[] span : chunks(input.text())) {
            String chunk = input.text().substring(span[0], span[1]);
            Vote v = vote(embedder.embed(chunk));
            if (v.category != null
                    && v.bestAttack >= thresholds.minSimilarity().get(level)
                    && v.attackShare >= thresholds.minVote().get(level)) {
                // Fixed confidence: the thresholds already decide whether the evidence is good enough.
                double confidence = 0.9;
                Severity sev = v.attackShare >= 0.8 ? Severity.HIGH : Severity.MEDIUM;
                out.add(new Finding(
                        NAME,
                        "semantic.nearest_attack",
                        v.category,
                        sev,
                        String.format(
                                Locale.ROOT,
                                "close to known %s examples (cos %.2f, vote %.2f)",
                                v.category,
                                v.bestAttack,
                                v.attackShare),
                        span[0],
                        span[1],
                        false,
                        confidence));
            }
        }
        return dedupe(out);
    }

    /** Nearest-neighbour statistics of one vector; exposed for calibration tests. */
    Vote vote(float[] q) {
        int k = Math.min(thresholds.k(), vectors.length);
        int[] idx = new int[k];
        double[] sim = new double[k];
        Arrays.fill(sim, Double.NEGATIVE_INFINITY);
        double bestAttack = -1;
        for (int i = 0; i < vectors.length; i++) {
            double s = dot(q, vectors[i]);
            if (exemplars.get(i).isAttack() && s > bestAttack) {
                bestAttack = s;
            }
            if (s > sim[k - 1]) {
                int j = k - 1;
                while (j > 0 && sim[j - 1] < s) {
                    sim[j] = sim[j - 1];
                    idx[j] = idx[j - 1];
                    j--;
                }
                sim[j] = s;
                idx[j] = i;
            }
        }
        double total = 0;
        EnumMap<Category, Double> perCategory = new EnumMap<>(Category.class);
        for (int j = 0; j < k; j++) {
            double w = Math.max(0, sim[j]);
            total += w;
            Category c = exemplars.get(idx[j]).category();
            if (c != null) {
                perCategory.merge(c, w, Double::sum);
            }
        }
        double attack =
                perCategory.values().stream().mapToDouble(Double::doubleValue).sum();
        Category top = perCategory.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
        return new Vote(top, bestAttack, total == 0 ? 0 : attack / total);
    }

    record Vote(@Nullable Category category, double bestAttack, double attackShare) {}

    /** Whole text plus its sentences (if there is more than one), as spans into the text. */
    static List<int[]> chunks(String text) {
        List<int[]> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        out.add(new int[] {0, text.length()});
        List<int[]> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n'
                    || ((c == '.' || c == '!' || c == '?' || c == ';')
                            && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
            if (end || i + 1 == text.length()) {
                int e = i + 1;
                if (text.substring(start, e).trim().length() >= 12) {
                    sentences.add(new int[] {start, e});
                }
                start = e;
            }
        }
        if (sentences.size() > 1) {
            out.addAll(sentences.subList(0, Math.min(sentences.size(), MAX_CHUNKS - 1)));
        }
        return out;
    }

    /**
     * Merges the hits of one category into one finding spanning all flagged chunks, so a sentence hit
     * and the whole-text hit count once in scoring, and a stricter level (which flags more chunks)
     * only widens the span.
     */
    private static List<Finding> dedupe(List<Finding> findings) {
        EnumMap<Category, Finding> merged = new EnumMap<>(Category.class);
        for (Finding f : findings) {
            merged.merge(
                    f.category(),
                    f,
                    (a, b) -> new Finding(
                            a.layer(),
                            a.ruleId(),
                            a.category(),
                            a.severity().max(b.severity()),
                            a.weight() >= b.weight() ? a.message() : b.message(),
                            Math.min(a.start(), b.start()),
                            Math.max(a.end(), b.end()),
                            false,
                            Math.max(a.confidence(), b.confidence())));
        }
        return List.copyOf(merged.values());
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
