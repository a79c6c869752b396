package io.safla.memory.vector;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * query at a time and prints one JSON line: n, dim, k, threads, mode, median_us, p95_us, p99_us, qps, recall_at_k.
 * Recall is measured against an independent brute-force scan in double precision. Diagnostics (kernel, insert
 * rate, bytes per vector) go to stderr so stdout stays machine-readable.
 *
 * <p>{@code --data FILE} reads the vectors and queries from a file written by {@code scripts/bench-faiss.py
 * --write-data} instead of generating them (numpy's generator cannot be replayed with {@link Random}, so this is how
 * SAFLA and FAISS search the same data): the header is the 4 ASCII bytes {@code SFV1} and three little-endian int32
 * n, dim, number of queries, followed by n * dim and then queries * dim little-endian float32. The first
 * {@code max(20, queries / 4)} file queries are the warm-up queries and the next {@code --queries} the timed ones,
 * the split that {@code bench-faiss.py} uses.
 */
public final class SearchBench {

    private SearchBench() {
    }

    public static void main(String[] args) {
        int n = 100_000, dim = 384, k = 10, threads = 1, queries = 200, oversample = VectorStore.DEFAULT_OVERSAMPLE;
        int warmupSeconds = 5;
        long seed = 42;
        String mode = "exact";
        Path dataFile = null;
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
                case "--data" -> dataFile = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (!mode.equals("exact") && !mode.equals("quantized")) {
            throw new IllegalArgumentException("--mode must be exact or quantized, got " + mode);
        }
        boolean quantized = mode.equals("quantized");

        int warmup = Math.max(20, queries / 4);
        Random rnd = new Random(seed);
        float[][] data;
        List<float[]> qs = new ArrayList<>();
        if (dataFile != null) {
            SharedData shared = SharedData.read(dataFile);
            if (shared.queries.length < warmup + queries) {
                throw new IllegalArgumentException(dataFile + " holds " + shared.queries.length + " queries, "
                        + (warmup + queries) + " needed (" + warmup + " warm-up + " + queries + " timed)");
            }
            data = shared.vectors;
            n = data.length;
            dim = shared.dim;
            qs.addAll(Arrays.asList(shared.queries).subList(0, warmup + queries));
        } else {
            data = new float[n][];
            for (int i = 0; i < n; i++) {
                data[i] = randomUnit(rnd, dim);
            }
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

        if (dataFile == null) {
            for (int i = 0; i < warmup + queries; i++) {
                qs.add(randomUnit(rnd, dim));
            }
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
        double p95Us = nanos[Math.min(queries - 1, (int) Math.ceil(queries * 0.95) - 1)] / 1e3;
        double p99Us = nanos[Math.min(queries - 1, (int) Math.ceil(queries * 0.99) - 1)] / 1e3;
        long total = Arrays.stream(nanos).sum();
        System.err.printf(Locale.ROOT,
                "# %s; data=%s; inserts/s=%.0f; heap bytes/vector=%.0f (estimate %.0f); oversample=%d;"
                        + " warm-up queries=%d%n",
                KernelProvider.describe(), dataFile == null ? "java.util.Random(" + seed + ")" : dataFile,
                insertsPerSec, (double) (heapAfter - heapBefore) / n,
                (double) store.estimatedBytes() / n, oversample, warmed);
        System.err.flush();
        System.out.printf(Locale.ROOT,
                "{\"impl\":\"safla\",\"n\":%d,\"dim\":%d,\"k\":%d,\"threads\":%d,\"mode\":\"%s\","
                        + "\"oversample\":%d,\"median_us\":%.1f,\"p95_us\":%.1f,\"p99_us\":%.1f,"
                        + "\"qps\":%.1f,\"recall_at_k\":%.4f}%n",
                n, dim, k, threads, mode, quantized ? oversample : 0, medianUs, p95Us, p99Us,
                queries / (total / 1e9), recallSum / queries);
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

    /**
     * Top-k ids by dot product (the vectors are unit length, so by cosine), computed in double and kept in a
     * sorted array of k; deliberately shares no code with the store. Ties go to the smaller row.
     */
    private static Set<String> bruteForce(float[][] data, String[] ids, float[] q, int k) {
        int n = data.length;
        int kk = Math.min(k, n);
        double[] best = new double[kk];
        int[] bestRow = new int[kk];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        Arrays.fill(bestRow, -1);
        for (int i = 0; i < n; i++) {
            double s = 0;
            float[] row = data[i];
            for (int d = 0; d < q.length; d++) {
                s += (double) q[d] * row[d];
            }
            if (s > best[kk - 1]) {
                int j = kk - 1;
                while (j > 0 && s > best[j - 1]) {
                    best[j] = best[j - 1];
                    bestRow[j] = bestRow[j - 1];
                    j--;
                }
                best[j] = s;
                bestRow[j] = i;
            }
        }
        Set<String> out = new HashSet<>();
        for (int r : bestRow) {
            out.add(ids[r]);
        }
        return out;
    }

    /** Vectors and queries read from a {@code --data} file (format in the class comment). */
    private record SharedData(int dim, float[][] vectors, float[][] queries) {

        static SharedData read(Path file) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                var map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
                byte[] magic = new byte[4];
                map.get(magic);
                if (!new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals("SFV1")) {
                    throw new IllegalArgumentException(file + " is not a bench-faiss.py data file (no SFV1 header)");
                }
                IntBuffer header = map.asIntBuffer();
                int n = header.get(0), dim = header.get(1), nq = header.get(2);
                long expected = 16L + 4L * dim * ((long) n + nq);
                if (n <= 0 || dim <= 0 || nq < 0 || ch.size() != expected) {
                    throw new IllegalArgumentException(file + ": header n=" + n + ", dim=" + dim + ", queries=" + nq
                            + " does not match its size of " + ch.size() + " bytes");
                }
                FloatBuffer floats = map.position(16).slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                float[][] vectors = new float[n][dim];
                for (float[] v : vectors) {
                    floats.get(v);
                }
                float[][] queries = new float[nq][dim];
                for (float[] v : queries) {
                    floats.get(v);
                }
                return new SharedData(dim, vectors, queries);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
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
