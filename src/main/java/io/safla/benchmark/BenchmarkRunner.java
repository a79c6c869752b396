package io.safla.benchmark;

import io.safla.memory.vector.EvictionPolicy;
import io.safla.memory.vector.ItemMetadata;
import io.safla.memory.vector.ScalarKernel;
import io.safla.memory.vector.SearchHit;
import io.safla.memory.vector.SearchQuery;
import io.safla.memory.vector.VectorKernel;
import io.safla.memory.vector.VectorStore;
import io.safla.memory.vector.VectorStoreConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Runs one {@link BenchmarkSpec} on the calling thread and returns its report. Progress (0-100) goes to a
 * callback; a cancellation flag is checked between operations, and a cancelled run returns the operations timed
 * so far, marked cancelled. Thread-safe: holds no state between runs.
 *
 * <p>Implementation notes: workloads are seeded {@link Random} unit vectors (data from {@code seed}, queries from
 * {@code seed + 1}, warm-up queries from {@code seed + 2}), so a spec repeats exactly. Each suite warms up with
 * untimed operations of the same kind, then times every operation alone with {@link System#nanoTime}. Recall@k
 * compares the first {@value #RECALL_SAMPLE} timed queries against a brute-force top-k computed in double from
 * the regenerated data stream, so the ground truth never uses the store or the kernel under test and needs no
 * second copy of the vectors.
 */
public final class BenchmarkRunner {

    static final int RECALL_SAMPLE = 50;
    private static final int TEXT_WARMUP = 10;

    private final VectorKernel activeKernel;
    private final String activeKernelDescription;
    private final Clock clock;
    private final Duration searchWarmup;

    /** {@code activeKernel} serves the exact and quantized suites; the scalar suite always uses the scalar one. */
    public BenchmarkRunner(VectorKernel activeKernel, Clock clock) {
        this(activeKernel, activeKernel.name(), clock, Duration.ZERO);
    }

    /**
     * As above, with a longer description of the active kernel (e.g. why it was chosen) for the reports, and the
     * least time the search suites spend on untimed warm-up queries. Why time and not a count: the JIT keeps
     * reshaping the search path for thousands of queries (on 1 000 rows the median falls from about 40 to 23 us
     * over the first 15 000), so a fixed handful would time partly compiled code on small stores.
     */
    public BenchmarkRunner(
            VectorKernel activeKernel, String activeKernelDescription, Clock clock, Duration searchWarmup) {
        this.activeKernel = activeKernel;
        this.activeKernelDescription = activeKernelDescription;
        this.clock = clock;
        this.searchWarmup = searchWarmup;
    }

    /** Runs {@code spec}; throws {@link IllegalStateException} if the suite's target is unavailable. */
    public BenchmarkReport run(
            BenchmarkSpec spec, BenchmarkTargets targets, IntConsumer progress, BooleanSupplier cancelled) {
        Run run = new Run(spec, targets, new Progress(progress), cancelled);
        Instant started = clock.instant();
        switch (spec.suite()) {
            case VECTOR_SEARCH_EXACT, VECTOR_SEARCH_QUANTIZED, VECTOR_SEARCH_SCALAR -> run.vectorSearch();
            case INSERTS -> run.inserts();
            case EMBEDDING ->
                run.texts(
                        require(targets.embed(), targets),
                        "uncached embedder calls, " + Sentences.ALL.size() + " fixed sentences cycled");
            case SAFETY ->
                run.texts(
                        require(targets.validate(), targets),
                        "text layers at the default level, " + Sentences.ALL.size() + " fixed sentences cycled");
            case CACHE_EFFECT -> run.cacheEffect(require(targets.search(), targets));
            case API_LATENCY -> run.api(require(targets.api(), targets));
        }
        Instant finished = clock.instant();
        if (!run.wasCancelled) {
            run.progress.report(100);
        }
        LatencyStats s = LatencyStats.ofNanos(run.nanos, run.count);
        double opsPerSecond = run.timedNanos > 0 ? run.count * 1e9 / run.timedNanos : 0;
        return new BenchmarkReport(
                UUID.randomUUID().toString().substring(0, 8),
                spec,
                s.count(),
                s.p50Micros(),
                s.p95Micros(),
                s.p99Micros(),
                s.meanMicros(),
                s.minMicros(),
                s.maxMicros(),
                opsPerSecond,
                run.recall,
                s.histogram(),
                MachineInfo.current(run.kernelName, targets.embedderName()),
                started,
                finished,
                run.wasCancelled,
                run.note);
    }

    private static <T> T require(T target, BenchmarkTargets targets) {
        if (target == null) {
            throw new IllegalStateException("Degraded: " + targets.unavailableReason());
        }
        return target;
    }

    /** Seeded unit vectors, uniform in the cube then normalised. */
    static float[] unitVector(Random random, int dimension) {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = random.nextFloat() - 0.5f;
            norm += (double) v[i] * v[i];
        }
        float inv = (float) (1.0 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            v[i] *= inv;
        }
        return v;
    }

    /** Emits a percentage only when it changes. */
    private static final class Progress {
        private final IntConsumer sink;
        private int last = -1;

        Progress(IntConsumer sink) {
            this.sink = sink;
        }

        void report(int percent) {
            int p = Math.max(0, Math.min(100, percent));
            if (p != last) {
                last = p;
                sink.accept(p);
            }
        }

        void report(int from, int to, long done, long total) {
            report(from + (int) ((to - from) * done / Math.max(1, total)));
        }
    }

    /** The state of one run. */
    private final class Run {
        final BenchmarkSpec spec;
        final BenchmarkTargets targets;
        final Progress progress;
        final BooleanSupplier cancelled;
        final String token;
        long[] nanos;
        int count;
        long timedNanos;
        boolean wasCancelled;
        Double recall;
        String note = "";
        String kernelName;

        Run(BenchmarkSpec spec, BenchmarkTargets targets, Progress progress, BooleanSupplier cancelled) {
            this.spec = spec;
            this.targets = targets;
            this.progress = progress;
            this.cancelled = cancelled;
            this.token = Long.toString(new Random(spec.seed()).nextLong() & 0xffffffL, 36)
                    + Long.toString(System.nanoTime() & 0xfffL, 36);
            this.nanos = new long[Math.max(spec.queries(), spec.n())];
            this.kernelName = spec.suite() == BenchmarkSuite.VECTOR_SEARCH_SCALAR
                    ? new ScalarKernel().name()
                    : activeKernelDescription;
        }

        boolean stop() {
            if (cancelled.getAsBoolean()) {
                wasCancelled = true;
            }
            return wasCancelled;
        }

        void record(long elapsed) {
            nanos[count++] = elapsed;
        }

        VectorKernel kernel() {
            return spec.suite() == BenchmarkSuite.VECTOR_SEARCH_SCALAR ? new ScalarKernel() : activeKernel;
        }

        void vectorSearch() {
            boolean quantized = spec.suite() == BenchmarkSuite.VECTOR_SEARCH_QUANTIZED;
            int dim = spec.dimension();
            VectorStoreConfig config = new VectorStoreConfig(dim, spec.n(), EvictionPolicy.LRU, quantized, 1);
            try (VectorStore store = new VectorStore(config, kernel(), clock)) {
                Random data = new Random(spec.seed());
                ItemMetadata meta = ItemMetadata.of("bench");
                for (int i = 0; i < spec.n(); i++) {
                    if ((i & 255) == 0) {
                        if (stop()) {
                            note = "cancelled while building the store";
                            return;
                        }
                        progress.report(0, 40, i, spec.n());
                    }
                    store.put("v" + i, unitVector(data, dim), meta);
                }
                Random warm = new Random(spec.seed() + 2);
                int minWarmups = Math.max(5, Math.min(50, spec.queries() / 10));
                long warmupEnd = System.nanoTime() + searchWarmup.toNanos();
                int warmups = 0;
                while ((warmups < minWarmups || System.nanoTime() < warmupEnd) && !stop()) {
                    search(store, SearchQuery.of(unitVector(warm, dim), spec.k()), quantized);
                    warmups++;
                }
                progress.report(45);
                Random queryRandom = new Random(spec.seed() + 1);
                List<float[]> sampleQueries = new ArrayList<>();
                List<Set<String>> sampleResults = new ArrayList<>();
                long start = System.nanoTime();
                for (int q = 0; q < spec.queries() && !stop(); q++) {
                    float[] query = unitVector(queryRandom, dim);
                    SearchQuery sq = SearchQuery.of(query, spec.k());
                    long t0 = System.nanoTime();
                    List<SearchHit> hits = search(store, sq, quantized);
                    record(System.nanoTime() - t0);
                    if (q < RECALL_SAMPLE) {
                        sampleQueries.add(query);
                        Set<String> ids = new HashSet<>();
                        hits.forEach(h -> ids.add(h.id()));
                        sampleResults.add(ids);
                    }
                    progress.report(45, 90, q + 1, spec.queries());
                }
                timedNanos = System.nanoTime() - start;
                note = (quantized
                                ? "int8 scan, " + VectorStore.DEFAULT_OVERSAMPLE + "x oversampled, exact rescoring"
                                : "exact float scan")
                        + "; cosine; 1 search thread; " + warmups + " untimed warm-up queries"
                        + "; recall@" + spec.k() + " over the first " + sampleQueries.size()
                        + " queries against brute force";
                if (!wasCancelled && !sampleQueries.isEmpty()) {
                    recall = recall(sampleQueries, sampleResults);
                }
            } catch (Exception e) {
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e);
            }
        }

        private List<SearchHit> search(VectorStore store, SearchQuery query, boolean quantized) {
            return quantized ? store.searchQuantized(query) : store.search(query);
        }

        /** Mean fraction of the brute-force top-k found; null if cancelled half-way. */
        private Double recall(List<float[]> queries, List<Set<String>> results) {
            int k = spec.k();
            List<PriorityQueue<double[]>> tops = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                tops.add(new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0])));
            }
            Random data = new Random(spec.seed());
            for (int i = 0; i < spec.n(); i++) {
                if ((i & 1023) == 0) {
                    if (stop()) {
                        return null;
                    }
                    progress.report(90, 99, i, spec.n());
                }
                float[] v = unitVector(data, spec.dimension());
                for (int q = 0; q < queries.size(); q++) {
                    float[] query = queries.get(q);
                    double dot = 0;
                    for (int d = 0; d < v.length; d++) {
                        dot += (double) v[d] * query[d];
                    }
                    PriorityQueue<double[]> top = tops.get(q);
                    if (top.size() < k) {
                        top.add(new double[] {dot, i});
                    } else if (dot > top.peek()[0]) {
                        top.poll();
                        top.add(new double[] {dot, i});
                    }
                }
            }
            double sum = 0;
            for (int q = 0; q < queries.size(); q++) {
                int found = 0;
                for (double[] e : tops.get(q)) {
                    if (results.get(q).contains("v" + (int) e[1])) {
                        found++;
                    }
                }
                sum += (double) found / tops.get(q).size();
            }
            return sum / queries.size();
        }

        void inserts() {
            int dim = spec.dimension();
            Random data = new Random(spec.seed());
            ItemMetadata meta = ItemMetadata.of("bench");
            int warmups = Math.min(spec.n(), 2_000);
            try (VectorStore warm = new VectorStore(
                    new VectorStoreConfig(dim, warmups, EvictionPolicy.LRU, false, 1), activeKernel, clock)) {
                Random w = new Random(spec.seed() + 2);
                for (int i = 0; i < warmups && !stop(); i++) {
                    warm.put("w" + i, unitVector(w, dim), meta);
                }
            }
            progress.report(5);
            try (VectorStore store = new VectorStore(
                    new VectorStoreConfig(dim, spec.n(), EvictionPolicy.LRU, false, 1), activeKernel, clock)) {
                for (int i = 0; i < spec.n() && !stop(); i++) {
                    float[] v = unitVector(data, dim);
                    String id = "v" + i;
                    long t0 = System.nanoTime();
                    store.put(id, v, meta);
                    long elapsed = System.nanoTime() - t0;
                    record(elapsed);
                    timedNanos += elapsed;
                    if ((i & 255) == 0) {
                        progress.report(5, 99, i, spec.n());
                    }
                }
            }
            note = "put of a new id into a store sized for n (no eviction); vector generation is not timed";
        }

        void texts(java.util.function.Function<String, ?> operation, String what) {
            for (int i = 0; i < Math.min(TEXT_WARMUP, spec.queries()) && !stop(); i++) {
                operation.apply(Sentences.cyclic(i));
            }
            progress.report(5);
            long start = System.nanoTime();
            for (int i = 0; i < spec.queries() && !stop(); i++) {
                String text = Sentences.cyclic(i);
                long t0 = System.nanoTime();
                operation.apply(text);
                record(System.nanoTime() - t0);
                progress.report(5, 99, i + 1, spec.queries());
            }
            timedNanos = System.nanoTime() - start;
            note = what;
        }

        void cacheEffect(java.util.function.BiFunction<String, Integer, ?> search) {
            for (int i = 0; i < 5 && !stop(); i++) {
                String text = Sentences.unique(i, token + "w");
                search.apply(text, spec.k());
                search.apply(text, spec.k());
            }
            progress.report(5);
            long[] misses = new long[spec.queries()];
            int missCount = 0;
            for (int i = 0; i < spec.queries() && !stop(); i++) {
                String text = Sentences.unique(i, token);
                long t0 = System.nanoTime();
                search.apply(text, spec.k());
                long t1 = System.nanoTime();
                search.apply(text, spec.k());
                long t2 = System.nanoTime();
                misses[missCount++] = t1 - t0;
                record(t2 - t1);
                timedNanos += t2 - t1;
                progress.report(5, 99, i + 1, spec.queries());
            }
            LatencyStats miss = LatencyStats.ofNanos(misses, missCount);
            LatencyStats hit = LatencyStats.ofNanos(nanos, count);
            note = String.format(
                    Locale.ROOT,
                    "latencies are cache hits; the first (missing) call of each new query:"
                            + " p50 %.1f us vs hit p50 %.1f us (%.0fx)",
                    miss.p50Micros(),
                    hit.p50Micros(),
                    hit.p50Micros() > 0 ? miss.p50Micros() / hit.p50Micros() : 0.0);
        }

        void api(BenchmarkTargets.ApiProbe probe) {
            int budget = probe.maxCalls();
            int warmups = Math.min(2, Math.max(0, budget - 1));
            int calls = 0;
            String stopped = "";
            for (int i = 0; i < warmups && !stop(); i++, calls++) {
                int status = probe.call().apply(Sentences.unique(i, token + "w"), spec.k());
                if (status == 429) {
                    throw new IllegalStateException(
                            "the API rate limit is used up (HTTP 429 before timing began);" + " try again in a minute");
                }
                if (status != 200) {
                    throw new IllegalStateException("warm-up call answered HTTP " + status);
                }
            }
            int timed = Math.min(spec.queries(), budget - calls);
            long start = System.nanoTime();
            for (int i = 0; i < timed && !stop(); i++) {
                String text = Sentences.unique(i, token);
                long t0 = System.nanoTime();
                int status = probe.call().apply(text, spec.k());
                long elapsed = System.nanoTime() - t0;
                if (status == 429) {
                    stopped = "; stopped early: the API rate limit answered 429 after " + count + " timed calls";
                    break;
                }
                if (status != 200) {
                    throw new IllegalStateException("call " + (i + 1) + " answered HTTP " + status);
                }
                record(elapsed);
                progress.report(5, 99, i + 1, timed);
            }
            timedNanos = System.nanoTime() - start;
            note = probe.label() + "; " + count + " timed calls of " + spec.queries() + " requested" + stopped;
        }
    }
}
