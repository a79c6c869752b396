package io.safla.cognition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The five retrieval strategies the bandit chooses among. Scores that are combined are first min-max normalised
 * over the pool, so a boost means the same whatever the embedder's similarity scale.
 */
public final class Strategies {

    /** In arm order: the bandit's arm {@code i} is {@code ALL.get(i)}. Cosine first: it is the untrained default. */
    public static final List<RetrievalStrategy> ALL = List.of(new Cosine(), new Hybrid(), new Recency(0.35),
            new Importance(0.35), new Mmr(0.7));

    private Strategies() {
    }

    public static RetrievalStrategy byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no strategy named " + name));
    }

    public static int indexOf(String name) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no strategy named " + name);
    }

    /** Pure embedding similarity: what the memory search does on its own. */
    public record Cosine() implements RetrievalStrategy {
        @Override
        public String name() {
            return "cosine";
        }

        @Override
        public List<Candidate> rank(List<Candidate> pool, Context context, int k) {
            return byScore(pool, Candidate::cosine, k);
        }
    }

    /** (1 - w) x normalised cosine + w x normalised BM25, with w learned from feedback. */
    public record Hybrid() implements RetrievalStrategy {
        @Override
        public String name() {
            return "hybrid";
        }

        @Override
        public List<Candidate> rank(List<Candidate> pool, Context context, int k) {
            double[] cos = normalised(pool, Candidate::cosine);
            double[] lex = normalised(pool, Candidate::lexical);
            double w = context.hybridWeight();
            return byIndexScore(pool, i -> (1 - w) * cos[i] + w * lex[i], k);
        }
    }

    /** Normalised cosine plus a boost for the newest candidates (min-max of creation time over the pool). */
    public record Recency(double boost) implements RetrievalStrategy {
        @Override
        public String name() {
            return "recency";
        }

        @Override
        public List<Candidate> rank(List<Candidate> pool, Context context, int k) {
            double[] cos = normalised(pool, Candidate::cosine);
            double[] age = normalised(pool, c -> c.item().createdAt().toEpochMilli());
            return byIndexScore(pool, i -> cos[i] + boost * age[i], k);
        }
    }

    /** Normalised cosine plus a boost for the item's stored importance. */
    public record Importance(double boost) implements RetrievalStrategy {
        @Override
        public String name() {
            return "importance";
        }

        @Override
        public List<Candidate> rank(List<Candidate> pool, Context context, int k) {
            double[] cos = normalised(pool, Candidate::cosine);
            return byIndexScore(pool, i -> cos[i] + boost * pool.get(i).item().importance(), k);
        }
    }

    /**
     * Maximal marginal relevance: greedily picks the candidate with the best {@code lambda x relevance - (1 -
     * lambda) x its highest similarity to one already picked}, so near-duplicates do not fill the page.
     */
    public record Mmr(double lambda) implements RetrievalStrategy {
        @Override
        public String name() {
            return "mmr";
        }

        @Override
        public List<Candidate> rank(List<Candidate> pool, Context context, int k) {
            List<Candidate> left = new ArrayList<>(byScore(pool, Candidate::cosine, pool.size()));
            List<Candidate> picked = new ArrayList<>();
            while (picked.size() < k && !left.isEmpty()) {
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < left.size(); i++) {
                    Candidate c = left.get(i);
                    double redundancy = 0;
                    for (Candidate p : picked) {
                        redundancy = Math.max(redundancy, dot(c.vector(), p.vector()));
                    }
                    double score = lambda * c.cosine() - (1 - lambda) * redundancy;
                    if (score > bestScore) {
                        bestScore = score;
                        best = i;
                    }
                }
                picked.add(left.remove(best));
            }
            return picked;
        }
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Min-max normalised values; all 0 when the pool holds one value only. */
    static double[] normalised(List<Candidate> pool, ToDoubleFunction<Candidate> value) {
        double[] v = new double[pool.size()];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            v[i] = value.applyAsDouble(pool.get(i));
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = max > min ? (v[i] - min) / (max - min) : 0;
        }
        return v;
    }

    private static List<Candidate> byScore(List<Candidate> pool, ToDoubleFunction<Candidate> score, int k) {
        return pool.stream()
                .sorted(Comparator.comparingDouble(score).reversed().thenComparing(Candidate::id))
                .limit(k).toList();
    }

    private interface IndexScore {
        double at(int i);
    }

    private static List<Candidate> byIndexScore(List<Candidate> pool, IndexScore score, int k) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(score::at).reversed()
                .thenComparing(i -> pool.get(i).id()));
        return order.stream().limit(k).map(pool::get).toList();
    }
}
