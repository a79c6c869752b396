package io.safla.memory.vector;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ./mvnw -Pjmh -DskipTests compile exec:exec -Djmh.args="VectorKernelBenchmark -rf json -rff target/jmh/kernel.json"}
 *
 * <p>Single-pair kernel cost, scalar against Panama, at the dimensions the app offers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class VectorKernelBenchmark {

    /** Which implementation to measure. */
    public enum KernelType {
        SCALAR, PANAMA;

        VectorKernel create() {
            return this == SCALAR ? new ScalarKernel()
                    : KernelProvider.panamaIfAvailable().orElseThrow(
                            () -> new IllegalStateException("jdk.incubator.vector not available"));
        }
    }

    @Param({"SCALAR", "PANAMA"})
    public KernelType kernelType;

    @Param({"384", "768", "1536"})
    public int dim;

    private VectorKernel kernel;
    private float[] a;
    private float[] b;
    private byte[] qa;
    private byte[] qb;
    private byte[] rows8;
    private final int[] out8 = new int[64];

    @Setup
    public void setUp() {
        kernel = kernelType.create();
        Random rnd = new Random(42);
        a = new float[dim];
        b = new float[dim];
        qa = new byte[dim];
        qb = new byte[dim];
        for (int i = 0; i < dim; i++) {
            a[i] = (float) rnd.nextGaussian();
            b[i] = (float) rnd.nextGaussian();
        }
        rnd.nextBytes(qa);
        rnd.nextBytes(qb);
        rows8 = new byte[64 * dim];
        rnd.nextBytes(rows8);
    }

    @Benchmark
    public float dot() {
        return kernel.dot(a, b);
    }

    @Benchmark
    public float squareDistance() {
        return kernel.squareDistance(a, b);
    }

    @Benchmark
    public float cosine() {
        return kernel.cosine(a, b);
    }

    @Benchmark
    public int dotInt8() {
        return kernel.dotInt8(qa, 0, qb, 0, dim);
    }

    /** Per-row cost of the batch int8 path over 64 rows (divide the score by 64). */
    @Benchmark
    public int[] scoreRowsInt8x64() {
        kernel.scoreRowsInt8(qa, rows8, 0, 64, out8);
        return out8;
    }
}
