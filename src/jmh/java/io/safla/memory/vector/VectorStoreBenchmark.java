package io.safla.memory.vector;

import java.time.Clock;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ./mvnw -Pjmh -DskipTests compile exec:exec -Djmh.args="VectorStoreBenchmark -rf json -rff target/jmh/store.json"}
 *
 * <p>Whole-store search latency (exact vs int8 + rescoring) and insert throughput on seeded random unit vectors.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class VectorStoreBenchmark {

    /** Search path. */
    public enum Mode2 {
        EXACT, QUANTIZED
    }

    private static final int INSERTS = 10_000;
    private static final ItemMetadata BENCH = ItemMetadata.of("bench");

    @Param({"100000"})
    public int n;

    @Param({"384"})
    public int dim;

    @Param({"EXACT", "QUANTIZED"})
    public Mode2 mode;

    @Param({"1"})
    public int threads;

    private VectorStore store;
    private float[][] queries;
    private float[][] insertVectors;
    private String[] insertIds;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        store = new VectorStore(new VectorStoreConfig(dim, n + INSERTS, EvictionPolicy.LRU,
                mode == Mode2.QUANTIZED, threads), KernelProvider.kernel(), Clock.systemUTC());
        Random rnd = new Random(42);
        for (int i = 0; i < n; i++) {
            store.put("id" + i, SearchBench.randomUnit(rnd, dim), ItemMetadata.of("bench"));
        }
        queries = new float[64][];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = SearchBench.randomUnit(rnd, dim);
        }
        insertVectors = new float[INSERTS][];
        insertIds = new String[INSERTS];
        for (int i = 0; i < INSERTS; i++) {
            insertVectors[i] = SearchBench.randomUnit(rnd, dim);
            insertIds[i] = "ins" + i;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object searchTop10() {
        SearchQuery q = SearchQuery.of(queries[next++ & 63], 10);
        return mode == Mode2.QUANTIZED ? store.searchQuantized(q) : store.search(q);
    }

    /** Upserts over a fixed id range, so the store size stays at n + 10k. */
    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(INSERTS)
    public void insert10k() {
        for (int i = 0; i < INSERTS; i++) {
            store.put(insertIds[i], insertVectors[i], BENCH);
        }
    }
}
