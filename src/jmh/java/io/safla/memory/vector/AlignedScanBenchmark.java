package io.safla.memory.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ./mvnw -Pjmh -DskipTests compile exec:exec -Djmh.args="AlignedScanBenchmark -rf json -rff target/jmh/aligned.json"}
 *
 * <p>Prototype for the question "MemorySegment-backed, 64-byte-aligned rows instead of the store's {@code float[]}":
 * one op is a full scan, the dot product of one query with each of {@code n} rows of 384 floats written to a score
 * array (what {@code VectorStore}'s exact scan asks of the kernel, without the heap). Every layout runs the same
 * four-accumulator loop as {@link PanamaKernel#dot}, only the loads differ:
 * <ul>
 * <li>{@code STORE_KERNEL}: the store's own {@link PanamaKernel#scoreRows} over a {@code float[]} with
 * {@link VectorStore#ROW_BASE} floats of padding (rows on 64-byte lines when G1 puts the array on a region
 * boundary, as it does for arrays of half a region or more);</li>
 * <li>{@code HEAP_PADDED} / {@code HEAP_UNPADDED}: the same loop inlined here, over that array with and without
 * the padding (the unpadded rows start 16 bytes past a line);</li>
 * <li>{@code SEGMENT_ALIGNED} / {@code SEGMENT_OFFSET16}: an off-heap {@link MemorySegment} from
 * {@code Arena.allocate(bytes, 64)}, read with {@code FloatVector.fromMemorySegment}, rows on 64-byte lines or
 * shifted by 16 bytes.</li>
 * </ul>
 * {@code bits} is the float vector width (256 is the store's default, 512 this machine's preferred width);
 * {@code STORE_KERNEL} runs at the store's width only, so pass {@code -p bits=256} for it (or fork with
 * {@code -Dsafla.vector.float-bits=512}): at another width its set-up fails on purpose.
 *
 * <p>JMH runs one parameter set after another, so on a shared 2-core machine a load change between two of them
 * shows up as a layout difference. {@link #main} is the same code as an alternating harness instead: every variant
 * in one JVM, in rounds (each round times a batch of scans of every variant, in a rotating order), and it prints the
 * median over rounds of each variant's per-round median and its ratio to {@code STORE_KERNEL} in the same round:
 * {@code ./mvnw -q -B -Pjmh -DskipTests compile exec:exec -Djmh.main=io.safla.memory.vector.AlignedScanBenchmark
 * -Djmh.args="--n 1000 --rounds 15"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g"})
public class AlignedScanBenchmark {

    private static final int DIM = 384;

    /** Where the rows live and how they are loaded. */
    public enum Layout {
        STORE_KERNEL, HEAP_PADDED, HEAP_UNPADDED, SEGMENT_ALIGNED, SEGMENT_OFFSET16
    }

    @Param({"STORE_KERNEL", "HEAP_PADDED", "HEAP_UNPADDED", "SEGMENT_ALIGNED", "SEGMENT_OFFSET16"})
    public Layout layout;

    @Param({"1000", "100000"})
    public int n;

    @Param({"256", "512"})
    public int bits;

    private Scan scan;

    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(42);
        float[] query = SearchBench.randomUnit(rnd, DIM);
        scan = Scan.create(layout, bits, rows(rnd, n), query);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scan.close();
    }

    @Benchmark
    public float[] scan() {
        scan.run();
        return scan.out;
    }

    static float[] rows(Random rnd, int n) {
        float[] rows = new float[n * DIM];
        for (int r = 0; r < n; r++) {
            System.arraycopy(SearchBench.randomUnit(rnd, DIM), 0, rows, r * DIM, DIM);
        }
        return rows;
    }

    /** One layout at one width over its own copy of the rows; {@link #run} scores every row into {@link #out}. */
    abstract static class Scan implements AutoCloseable {
        final String name;
        final float[] query;
        final float[] out;
        final int n;

        Scan(String name, float[] query, int n) {
            this.name = name;
            this.query = query;
            this.n = n;
            this.out = new float[n];
        }

        abstract void run();

        @Override
        public void close() {
        }

        static Scan create(Layout layout, int bits, float[] rows, float[] query) {
            if (bits != 256 && bits != 512) {
                throw new IllegalArgumentException("bits must be 256 or 512");
            }
            if (bits > FloatVector.SPECIES_PREFERRED.vectorBitSize()) {
                throw new IllegalStateException(bits + "-bit vectors exceed this machine's "
                        + FloatVector.SPECIES_PREFERRED.vectorBitSize());
            }
            int n = rows.length / DIM;
            String name = layout + "/" + bits;
            return switch (layout) {
                case STORE_KERNEL -> {
                    if (PanamaKernel.lanes() * 32 != bits) {
                        throw new IllegalStateException("STORE_KERNEL runs at the store's width of "
                                + PanamaKernel.lanes() * 32 + " bits: pass -Dsafla.vector.float-bits=" + bits);
                    }
                    VectorKernel kernel = KernelProvider.panamaIfAvailable().orElseThrow();
                    float[] heap = padded(rows, VectorStore.ROW_BASE);
                    yield new Scan(name, query, n) {
                        @Override
                        void run() {
                            kernel.scoreRows(VectorKernel.RawOp.DOT, query, heap, VectorStore.ROW_BASE, 0, n, out);
                        }
                    };
                }
                case HEAP_PADDED, HEAP_UNPADDED -> {
                    int base = layout == Layout.HEAP_PADDED ? VectorStore.ROW_BASE : 0;
                    float[] heap = padded(rows, base);
                    yield bits == 256 ? new Scan(name, query, n) {
                        @Override
                        void run() {
                            for (int r = 0; r < n; r++) {
                                out[r] = W256.dotHeap(query, heap, base + r * DIM);
                            }
                        }
                    } : new Scan(name, query, n) {
                        @Override
                        void run() {
                            for (int r = 0; r < n; r++) {
                                out[r] = W512.dotHeap(query, heap, base + r * DIM);
                            }
                        }
                    };
                }
                case SEGMENT_ALIGNED, SEGMENT_OFFSET16 -> {
                    long shift = layout == Layout.SEGMENT_OFFSET16 ? 16 : 0;
                    Arena arena = Arena.ofShared();
                    MemorySegment seg = arena.allocate(shift + (long) rows.length * Float.BYTES, 64).asSlice(shift);
                    MemorySegment.copy(rows, 0, seg, ValueLayout.JAVA_FLOAT, 0, rows.length);
                    yield bits == 256 ? new Scan(name, query, n) {
                        @Override
                        void run() {
                            for (int r = 0; r < n; r++) {
                                out[r] = W256.dotSegment(query, seg, (long) r * DIM * Float.BYTES);
                            }
                        }

                        @Override
                        public void close() {
                            arena.close();
                        }
                    } : new Scan(name, query, n) {
                        @Override
                        void run() {
                            for (int r = 0; r < n; r++) {
                                out[r] = W512.dotSegment(query, seg, (long) r * DIM * Float.BYTES);
                            }
                        }

                        @Override
                        public void close() {
                            arena.close();
                        }
                    };
                }
            };
        }

        private static float[] padded(float[] rows, int base) {
            float[] heap = new float[base + rows.length];
            System.arraycopy(rows, 0, heap, base, rows.length);
            return heap;
        }
    }

    /**
     * Alternating harness (see the class comment): {@code --n N (1000) --rounds R (15) --round-ms M (200)}. Every
     * variant available at this machine's widths, plus the store kernel at its width; 3 untimed rounds first.
     */
    public static void main(String[] args) {
        int n = 1000, rounds = 15, roundMs = 200;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--round-ms" -> roundMs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Random rnd = new Random(42);
        float[] query = SearchBench.randomUnit(rnd, DIM);
        float[] rows = rows(rnd, n);
        List<Scan> scans = new ArrayList<>();
        scans.add(Scan.create(Layout.STORE_KERNEL, PanamaKernel.lanes() * 32, rows, query));
        for (int bits : new int[] {256, 512}) {
            if (bits > FloatVector.SPECIES_PREFERRED.vectorBitSize()) {
                continue;
            }
            for (Layout l : new Layout[] {Layout.HEAP_PADDED, Layout.HEAP_UNPADDED, Layout.SEGMENT_ALIGNED,
                    Layout.SEGMENT_OFFSET16}) {
                scans.add(Scan.create(l, bits, rows, query));
            }
        }
        // the scores must agree (same loop order within a width, so bit-identical per width)
        for (Scan s : scans) {
            s.run();
        }
        for (Scan s : scans) {
            for (int r = 0; r < n; r++) {
                if (Math.abs(s.out[r] - scans.get(0).out[r]) > 1e-5f) {
                    throw new IllegalStateException(s.name + " disagrees at row " + r);
                }
            }
        }
        int v = scans.size();
        double[][] perRound = new double[v][rounds];
        long roundNanos = roundMs * 1_000_000L;
        for (int round = -3; round < rounds; round++) {
            for (int j = 0; j < v; j++) {
                int idx = (j + Math.max(round, 0)) % v; // rotate the order from round to round
                Scan s = scans.get(idx);
                long[] t = new long[4096];
                int c = 0;
                long end = System.nanoTime() + roundNanos / v;
                while (c < t.length && (c < 3 || System.nanoTime() < end)) {
                    long t0 = System.nanoTime();
                    s.run();
                    t[c++] = System.nanoTime() - t0;
                }
                Arrays.sort(t, 0, c);
                if (round >= 0) {
                    perRound[idx][round] = t[c / 2] / 1e3;
                }
            }
        }
        System.out.printf(Locale.ROOT, "# n=%d dim=%d rounds=%d, %s, load %s%n", n, DIM, rounds,
                KernelProvider.describe(), loadAverage());
        System.out.printf(Locale.ROOT, "%-24s %12s %22s %24s%n", "variant", "median us", "min-max us",
                "vs STORE_KERNEL (min-max)");
        for (int j = 0; j < v; j++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = perRound[j][r] / perRound[0][r];
            }
            double[] us = perRound[j].clone();
            Arrays.sort(us);
            Arrays.sort(ratio);
            System.out.printf(Locale.ROOT, "%-24s %12.1f %22s %24s%n", scans.get(j).name, us[rounds / 2],
                    String.format(Locale.ROOT, "%.1f-%.1f", us[0], us[rounds - 1]),
                    String.format(Locale.ROOT, "%.2fx (%.2f-%.2f)", ratio[rounds / 2], ratio[0], ratio[rounds - 1]));
        }
        scans.forEach(Scan::close);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The loops with a constant 256-bit species (a species passed as an argument is not constant-folded). */
    private static final class W256 {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

        static float dotHeap(float[] q, float[] m, int off) {
            int lanes = S.length();
            FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S), a2 = FloatVector.zero(S),
                    a3 = FloatVector.zero(S);
            int i = 0;
            for (int bound = DIM - DIM % (4 * lanes); i < bound; i += 4 * lanes) {
                a0 = FloatVector.fromArray(S, q, i).fma(FloatVector.fromArray(S, m, off + i), a0);
                a1 = FloatVector.fromArray(S, q, i + lanes).fma(FloatVector.fromArray(S, m, off + i + lanes), a1);
                a2 = FloatVector.fromArray(S, q, i + 2 * lanes)
                        .fma(FloatVector.fromArray(S, m, off + i + 2 * lanes), a2);
                a3 = FloatVector.fromArray(S, q, i + 3 * lanes)
                        .fma(FloatVector.fromArray(S, m, off + i + 3 * lanes), a3);
            }
            for (; i < DIM; i += lanes) { // 384 is a multiple of every width's lane count
                a0 = FloatVector.fromArray(S, q, i).fma(FloatVector.fromArray(S, m, off + i), a0);
            }
            return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        }

        static float dotSegment(float[] q, MemorySegment m, long off) {
            int lanes = S.length();
            long step = (long) lanes * Float.BYTES;
            ByteOrder order = ByteOrder.nativeOrder();
            FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S), a2 = FloatVector.zero(S),
                    a3 = FloatVector.zero(S);
            int i = 0;
            for (int bound = DIM - DIM % (4 * lanes); i < bound; i += 4 * lanes) {
                long o = off + (long) i * Float.BYTES;
                a0 = FloatVector.fromArray(S, q, i).fma(FloatVector.fromMemorySegment(S, m, o, order), a0);
                a1 = FloatVector.fromArray(S, q, i + lanes)
                        .fma(FloatVector.fromMemorySegment(S, m, o + step, order), a1);
                a2 = FloatVector.fromArray(S, q, i + 2 * lanes)
                        .fma(FloatVector.fromMemorySegment(S, m, o + 2 * step, order), a2);
                a3 = FloatVector.fromArray(S, q, i + 3 * lanes)
                        .fma(FloatVector.fromMemorySegment(S, m, o + 3 * step, order), a3);
            }
            for (; i < DIM; i += lanes) {
                a0 = FloatVector.fromArray(S, q, i)
                        .fma(FloatVector.fromMemorySegment(S, m, off + (long) i * Float.BYTES, order), a0);
            }
            return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        }
    }

    /** The loops with a constant 512-bit species (a species passed as an argument is not constant-folded). */
    private static final class W512 {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_512;

        static float dotHeap(float[] q, float[] m, int off) {
            int lanes = S.length();
            FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S), a2 = FloatVector.zero(S),
                    a3 = FloatVector.zero(S);
            int i = 0;
            for (int bound = DIM - DIM % (4 * lanes); i < bound; i += 4 * lanes) {
                a0 = FloatVector.fromArray(S, q, i).fma(FloatVector.fromArray(S, m, off + i), a0);
                a1 = FloatVector.fromArray(S, q, i + lanes).fma(FloatVector.fromArray(S, m, off + i + lanes), a1);
                a2 = FloatVector.fromArray(S, q, i + 2 * lanes)
                        .fma(FloatVector.fromArray(S, m, off + i + 2 * lanes), a2);
                a3 = FloatVector.fromArray(S, q, i + 3 * lanes)
                        .fma(FloatVector.fromArray(S, m, off + i + 3 * lanes), a3);
            }
            for (; i < DIM; i += lanes) { // 384 is a multiple of every width's lane count
                a0 = FloatVector.fromArray(S, q, i).fma(FloatVector.fromArray(S, m, off + i), a0);
            }
            return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        }

        static float dotSegment(float[] q, MemorySegment m, long off) {
            int lanes = S.length();
            long step = (long) lanes * Float.BYTES;
            ByteOrder order = ByteOrder.nativeOrder();
            FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S), a2 = FloatVector.zero(S),
                    a3 = FloatVector.zero(S);
            int i = 0;
            for (int bound = DIM - DIM % (4 * lanes); i < bound; i += 4 * lanes) {
                long o = off + (long) i * Float.BYTES;
                a0 = FloatVector.fromArray(S, q, i).fma(FloatVector.fromMemorySegment(S, m, o, order), a0);
                a1 = FloatVector.fromArray(S, q, i + lanes)
                        .fma(FloatVector.fromMemorySegment(S, m, o + step, order), a1);
                a2 = FloatVector.fromArray(S, q, i + 2 * lanes)
                        .fma(FloatVector.fromMemorySegment(S, m, o + 2 * step, order), a2);
                a3 = FloatVector.fromArray(S, q, i + 3 * lanes)
                        .fma(FloatVector.fromMemorySegment(S, m, o + 3 * step, order), a3);
            }
            for (; i < DIM; i += lanes) {
                a0 = FloatVector.fromArray(S, q, i)
                        .fma(FloatVector.fromMemorySegment(S, m, off + (long) i * Float.BYTES, order), a0);
            }
            return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        }
    }
}
