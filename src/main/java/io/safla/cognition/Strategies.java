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
    public static final List<RetrievalStrategy> ALL =
            List.of(new Cosine(), new Hybrid(), new Recency(0.5), new Importance(0.5), new Mmr(0.7));

    /** How many of the cosine best a boost may reorder. */
    public static final int BOOST_WINDOW = 10;

    private Strategies() {}

    /** The re-ranked head, then the rest of the pool by cosine, cut at k. */
    private static List<Candidate> withTail(List<Candidate> head, List<Candidate> pool, int k) {
        List<Candidate> out = new ArrayList<>(head);
        for (Candidate c : byScore(pool, Candidate::cosine, pool.size())) {
            if (out.size() >= k) {
                break;
            }
            if (!head.contains(c)) {
                out.add(c);
            }
        }
        return out.subList(0, Math.min(k, out.size()));
    }

    public static RetrievalStrategy byName(String name) {
        return ALL.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
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

    /**
     * Breaks near-ties by age: among the cosine top {@value #BOOST_WINDOW}, normalised cosine plus a boost for the
     * newest (min-max of creation time within that window). Limiting the boost to the window keeps a new but
     * unrelated item from being pulled up; what it is for is choosing the newest of several similar notes.
     */
    public record Recency(double boost) implements RetrievalStrategy {
        @Override
        public String name() {
            return "recency";
        }

        @Override
        public List<Candidate> rank(List<Candidate> pool, Context context, int k) {
            return boostedWithinWindow(
                    pool,
                    k,
                    boost,
                    window -> normalised(window, c -> c.item().createdAt().toEpochMilli()));
        }
    }

    /** Like {@link Recency}, with the item's stored importance (in [0, 1]) as the boost. */
    public record Importance(double boost) implements RetrievalStrategy {
        @Override
        public String name() {
            return "importance";
        }

        @Override
        public List<Candidate> rank(List<Candidate> pool, Context context, int k) {
            return boostedWithinWindow(
                    pool,
                    k,
                    boost,
                    window -> window.stream()
                            .mapToDouble(c -> c.item().importance())
                            .toArray());
        }
    }

    /**
     * Re-ranks the cosine top {@value #BOOST_WINDOW} by normalised cosine plus {@code boost} times a signal in
     * [0, 1], then fills up to k with the rest of the pool by cosine.
     */
    private static List<Candidate> boostedWithinWindow(
            List<Candidate> pool, int k, double boost, java.util.function.Function<List<Candidate>, double[]> signal) {
        List<Candidate> window = byScore(pool, Candidate::cosine, BOOST_WINDOW);
        double[] cos = normalised(window, Candidate::cosine);
        double[] extra = signal.apply(window);
        List<Candidate> head = byIndexScore(window, i -> cos[i] + boost * extra[i], window.size());
        return withTail(head, pool, k);
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
                .limit(k)
                .toList();
    }

    private interface IndexScore {
        double at(int i);
    }

    private static List<Candidate> byIndexScore(List<Candidate> pool, IndexScore score, int k) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(score::at)
                .reversed()
                .thenComparing(i -> pool.get(i).id()));
        return order.stream().limit(k).map(pool::get).toList();
    }
}
