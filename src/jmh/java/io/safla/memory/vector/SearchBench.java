package io.safla.memory.vector;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * {@code scripts/bench-search.sh --n 100000 --dim 384 --k 10 --threads 1 --mode exact|quantized [--queries 200]}
 *
 * <p>End-to-end search harness (not JMH): builds a store of seeded random unit vectors, warms up (at least
 * {@code --warmup-seconds}, default 5, and a quarter of the query count), then times one
 * query at a time and prints one JSON line: n, dim, k, threads, mode, median_us, p99_us, qps, recall_at_k.
 * Recall is measured against an independent brute-force scan in double precision. Diagnostics (kernel, insert
 * rate, bytes per vector) go to stderr so stdout stays machine-readable.
 */
public final class SearchBench {

    private SearchBench() {
    }

    public static void main(String[] args) {
        int n = 100_000, dim = 384, k = 10, threads = 1, queries = 200, oversample = VectorStore.DEFAULT_OVERSAMPLE;
        int warmupSeconds = 5;
        long seed = 42;
        String mode = "exact";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(value);
                case "--dim" -> dim = Integer.parseInt(value);
                case "--k" -> k = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--queries" -> queries = Integer.parseInt(value);
                case "--oversample" -> oversample = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value);
                case "--mode" -> mode = value.toLowerCase(Locale.ROOT);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (!mode.equals("exact") && !mode.equals("quantized")) {
            throw new IllegalArgumentException("--mode must be exact or quantized, got " + mode);
        }
        boolean quantized = mode.equals("quantized");

        Random rnd = new Random(seed);
        float[][] data = new float[n][];
        for (int i = 0; i < n; i++) {
            data[i] = randomUnit(rnd, dim);
        }
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "id" + i;
        }
        ItemMetadata meta = ItemMetadata.of("bench");
        warmUpInserts(dim, n, quantized, ids, data, meta);
        long heapBefore = usedHeap();
        VectorStore store = new VectorStore(new VectorStoreConfig(dim, n, EvictionPolicy.LRU, quantized, threads),
                KernelProvider.kernel(), Clock.systemUTC());
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            store.put(ids[i], data[i], meta);
        }
        double insertsPerSec = n / ((System.nanoTime() - t0) / 1e9);
        long heapAfter = usedHeap();

        int warmup = Math.max(20, queries / 4);
        List<float[]> qs = new ArrayList<>();
        for (int i = 0; i < warmup + queries; i++) {
            qs.add(randomUnit(rnd, dim));
        }
        // C2 keeps recompiling the search path for a while (inlining, loop shapes): on a 1 000-row store the median
        // falls from about 40 to 22 us over the first ~15 000 queries. Time-based warm-up, as JMH does, so that
        // small and large stores alike are timed compiled; the warm-up queries are distinct from the timed ones.
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        int warmed = 0;
        while (warmed < warmup || System.nanoTime() < warmupEnd) {
            run(store, qs.get(warmed % warmup), k, quantized, oversample);
            warmed++;
        }
        // Queries back to back, as bench-numpy.py runs them; recall is computed afterwards, because a brute-force
        // pass between two timed queries would evict the store from the caches and time a cold scan instead.
        long[] nanos = new long[queries];
        List<List<SearchHit>> results = new ArrayList<>(queries);
        for (int i = 0; i < queries; i++) {
            float[] q = qs.get(warmup + i);
            long s = System.nanoTime();
            List<SearchHit> hits = run(store, q, k, quantized, oversample);
            nanos[i] = System.nanoTime() - s;
            results.add(hits);
        }
        double recallSum = 0;
        for (int i = 0; i < queries; i++) {
            recallSum += recall(results.get(i), bruteForce(data, ids, qs.get(warmup + i), k));
        }
        store.close();
        Arrays.sort(nanos);
        double medianUs = nanos[queries / 2] / 1e3;
        double p99Us = nanos[Math.min(queries - 1, (int) Math.ceil(queries * 0.99) - 1)] / 1e3;
        long total = Arrays.stream(nanos).sum();
        System.err.printf(Locale.ROOT,
                "# %s; inserts/s=%.0f; heap bytes/vector=%.0f (estimate %.0f); oversample=%d; warm-up queries=%d%n",
                KernelProvider.describe(), insertsPerSec, (double) (heapAfter - heapBefore) / n,
                (double) store.estimatedBytes() / n, oversample, warmed);
        System.err.flush();
        System.out.printf(Locale.ROOT,
                "{\"n\":%d,\"dim\":%d,\"k\":%d,\"threads\":%d,\"mode\":\"%s\",\"median_us\":%.1f,\"p99_us\":%.1f,"
                        + "\"qps\":%.1f,\"recall_at_k\":%.4f}%n",
                n, dim, k, threads, mode, medianUs, p99Us, queries / (total / 1e9), recallSum / queries);
    }

    /**
     * Untimed insert pass so that the measured insert rate is for compiled code, not the interpreter. A separate
     * method, so that the throwaway store is unreachable (no live local slot) when the heap is measured.
     */
    private static void warmUpInserts(int dim, int n, boolean quantized, String[] ids, float[][] data,
            ItemMetadata meta) {
        try (VectorStore warm = new VectorStore(new VectorStoreConfig(dim, n, EvictionPolicy.LRU, quantized, 1),
                KernelProvider.kernel(), Clock.systemUTC())) {
            for (int i = 0; i < Math.min(n, 20_000); i++) {
                warm.put(ids[i], data[i], meta);
            }
        }
    }

    private static List<SearchHit> run(VectorStore store, float[] q, int k, boolean quantized, int oversample) {
        SearchQuery query = SearchQuery.of(q, k);
        return quantized ? store.searchQuantized(query, oversample) : store.search(query);
    }

    private static double recall(List<SearchHit> hits, Set<String> truth) {
        int found = 0;
        for (SearchHit h : hits) {
            if (truth.contains(h.id())) {
                found++;
            }
        }
        return truth.isEmpty() ? 1 : (double) found / truth.size();
    }

    /** Top-k ids by cosine, computed in double with a full sort; deliberately shares no code with the store. */
    private static Set<String> bruteForce(float[][] data, String[] ids, float[] q, int k) {
        int n = data.length;
        double[] scores = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int d = 0; d < q.length; d++) {
                s += (double) q[d] * data[i][d];
            }
            scores[i] = s;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        Set<String> out = new HashSet<>();
        for (int i = 0; i < Math.min(k, n); i++) {
            out.add(ids[order[i]]);
        }
        return out;
    }

    /** A seeded uniformly random point on the unit sphere. */
    static float[] randomUnit(Random rnd, int dim) {
        float[] v = new float[dim];
        double s = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) rnd.nextGaussian();
            s += (double) v[i] * v[i];
        }
        double inv = 1 / Math.sqrt(s);
        for (int i = 0; i < dim; i++) {
            v[i] = (float) (v[i] * inv);
        }
        return v;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc(); // a benchmark harness, not src/main: a settled heap makes the per-vector figure meaningful
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
