package io.safla.memory.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.monitor.MutableClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Model-based checks: after a random sequence of puts and deletes, search must agree with a brute-force scan of a
 * plain map (computed in double), up to float rounding at ties and at the threshold.
 */
class VectorStoreProperties {

    private static final double EPS = 1e-5;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    record Op(boolean delete, int id, float[] vector, String type) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<float[]> vec = Arbitraries.floats()
                .between(-2, 2)
                .array(float[].class)
                .ofSize(6)
                .filter(a -> norm(a) > 1e-3);
        Arbitrary<Op> op = Combinators.combine(
                        Arbitraries.integers().between(0, 9).map(i -> i < 2),
                        Arbitraries.integers().between(0, 40),
                        vec,
                        Arbitraries.of("a", "b", "c"))
                .as(Op::new);
        return op.list().ofMaxSize(80);
    }

    @Property(tries = 300)
    void search_randomStore_equalsBruteForce(
            @ForAll("ops") List<Op> ops,
            @ForAll("queries") float[] query,
            @ForAll @IntRange(min = 1, max = 12) int k,
            @ForAll Metric metric,
            @ForAll("thresholds") double threshold,
            @ForAll boolean filterByType) {
        VectorStore store =
                new VectorStore(VectorStoreConfig.of(6).withCapacity(1000), new ScalarKernel(), new MutableClock(T0));
        Map<String, float[]> model = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        apply(ops, store, model, types);
        SearchFilter filter = filterByType ? SearchFilter.types("a", "b") : SearchFilter.NONE;
        double t = metric == Metric.DOT ? threshold * norm(query) : threshold;

        List<SearchHit> hits = store.search(new SearchQuery(query, k, t, metric, filter));

        Map<String, Double> ref = new HashMap<>();
        for (var e : model.entrySet()) {
            if (!filterByType || !types.get(e.getKey()).equals("c")) {
                ref.put(e.getKey(), similarity(metric, query, e.getValue()));
            }
        }
        assertThat(hits.size()).isLessThanOrEqualTo(k);
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            assertThat(ref).containsKey(h.id());
            assertThat(h.similarity()).isCloseTo(ref.get(h.id()), org.assertj.core.api.Assertions.within(EPS));
            assertThat(h.similarity()).isGreaterThanOrEqualTo(t - EPS);
            if (i > 0) {
                assertThat(h.similarity()).isLessThanOrEqualTo(hits.get(i - 1).similarity());
            }
        }
        Set<String> returned = new java.util.HashSet<>();
        hits.forEach(h -> returned.add(h.id()));
        double worstReturned = hits.isEmpty()
                ? Double.POSITIVE_INFINITY
                : hits.get(hits.size() - 1).similarity();
        for (var e : ref.entrySet()) {
            if (returned.contains(e.getKey())) {
                continue;
            }
            // a missing item must be below the threshold, or no better than the worst hit of a full page
            boolean belowThreshold = e.getValue() < t + EPS;
            boolean crowdedOut = hits.size() == k && e.getValue() <= worstReturned + EPS;
            assertThat(belowThreshold || crowdedOut)
                    .as("missing %s sim %s", e.getKey(), e.getValue())
                    .isTrue();
        }
    }

    @Property(tries = 200)
    void searchQuantized_oversampleCoveringStore_equalsExact(
            @ForAll("ops") List<Op> ops,
            @ForAll("queries") float[] query,
            @ForAll @IntRange(min = 1, max = 12) int k,
            @ForAll("thresholds") double threshold,
            @ForAll boolean filterByType) {
        VectorStore store = new VectorStore(
                VectorStoreConfig.of(6).withCapacity(1000).withQuantized(true),
                new ScalarKernel(),
                new MutableClock(T0));
        apply(ops, store, new HashMap<>(), new HashMap<>());
        SearchFilter filter = filterByType ? SearchFilter.types("a", "b") : SearchFilter.NONE;
        SearchQuery q = new SearchQuery(query, k, threshold, Metric.COSINE, filter);

        assertThat(store.searchQuantized(q, 100)).isEqualTo(store.search(q));
    }

    /**
     * Stores of several scan blocks, built from a few coarse coordinates so that many rows tie exactly. The
     * unfiltered cosine/dot scan skips rows below the heap's floor before offering them; a filter that admits every
     * row takes the per-row path instead, so both must return the same hits in the same order, ties broken by id.
     */
    @Property(tries = 60)
    void search_largeStoreWithTies_plainScanEqualsRowByRowScan(
            @ForAll @IntRange(min = 300, max = 3000) int rows,
            @ForAll @IntRange(min = 1, max = 40) int k,
            @ForAll boolean dot,
            @ForAll("thresholds") double threshold,
            @ForAll long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        VectorStore store =
                new VectorStore(VectorStoreConfig.of(8).withCapacity(rows), new ScalarKernel(), new MutableClock(T0));
        for (int i = 0; i < rows; i++) {
            float[] v = new float[8];
            while (norm(v) == 0) {
                for (int d = 0; d < v.length; d++) {
                    v[d] = rnd.nextInt(4) - 1;
                }
            }
            store.put("id" + rnd.nextInt(rows * 2), v, ItemMetadata.of(i % 2 == 0 ? "a" : "b"));
        }
        float[] query = new float[8];
        query[rnd.nextInt(8)] = 1;
        for (int d = 0; d < query.length; d++) {
            query[d] += rnd.nextInt(3) - 1;
        }
        if (norm(query) == 0) {
            query[0] = 1;
        }
        Metric metric = dot ? Metric.DOT : Metric.COSINE;

        List<SearchHit> plain = store.search(new SearchQuery(query, k, threshold, metric, SearchFilter.NONE));
        List<SearchHit> rowByRow =
                store.search(new SearchQuery(query, k, threshold, metric, SearchFilter.types("a", "b")));

        assertThat(plain).isEqualTo(rowByRow);
    }

    @Provide
    Arbitrary<float[]> queries() {
        return Arbitraries.floats()
                .between(-2, 2)
                .array(float[].class)
                .ofSize(6)
                .filter(a -> norm(a) > 1e-3);
    }

    @Provide
    Arbitrary<Double> thresholds() {
        return Arbitraries.oneOf(
                Arbitraries.just(Double.NEGATIVE_INFINITY),
                Arbitraries.doubles().between(-1, 1));
    }

    private static void apply(List<Op> ops, VectorStore store, Map<String, float[]> model, Map<String, String> types) {
        for (Op op : ops) {
            String id = "id" + op.id();
            if (op.delete()) {
                assertThat(store.delete(id)).isEqualTo(model.remove(id) != null);
            } else {
                store.put(id, op.vector(), ItemMetadata.of(op.type()));
                model.put(id, op.vector());
                types.put(id, op.type());
            }
        }
        assertThat(store.size()).isEqualTo(model.size());
    }

    private static double similarity(Metric metric, float[] q, float[] x) {
        double nq = metric == Metric.DOT ? 1 : norm(q);
        double nx = norm(x);
        double dot = 0, l2 = 0, l1 = 0;
        for (int i = 0; i < q.length; i++) {
            double a = q[i] / nq;
            double b = x[i] / nx;
            dot += a * b;
            l2 += (a - b) * (a - b);
            l1 += Math.abs(a - b);
        }
        return switch (metric) {
            case COSINE, DOT -> dot;
            case EUCLIDEAN -> 1 - Math.sqrt(l2) / 2;
            case MANHATTAN -> 1 / (1 + l1);
        };
    }

    private static double norm(float[] a) {
        double s = 0;
        for (float x : a) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }
}
