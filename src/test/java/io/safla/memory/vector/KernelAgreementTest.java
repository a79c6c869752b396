package io.safla.memory.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Scalar and Panama kernels against a double-precision reference and each other; Panama skipped if absent. */
class KernelAgreementTest {

    private static final int[] SIZES = {
        1, 3, 4, 7, 8, 13, 15, 16, 17, 31, 32, 33, 100, 127, 128, 129, 384, 768, 1021, 1024, 1536, 4098
    };
    private static final VectorKernel SCALAR = new ScalarKernel();
    private static VectorKernel panama;

    @BeforeAll
    static void loadPanama() {
        panama = KernelProvider.panamaIfAvailable().orElse(null);
    }

    static IntStream sizes() {
        return IntStream.of(SIZES);
    }

    private static float tolerance(int n, double magnitude) {
        return (float) (1e-5 * n * Math.max(1, magnitude));
    }

    private static float[] random(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }

    private static void assertAgrees(VectorKernel k, float[] a, float[] b) {
        int n = a.length;
        double dot = 0, sq = 0, l1 = 0, na = 0, nb = 0;
        for (int i = 0; i < n; i++) {
            dot += (double) a[i] * b[i];
            sq += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
            l1 += Math.abs((double) a[i] - b[i]);
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        double scale = Math.max(Math.sqrt(na), 1) * Math.max(Math.sqrt(nb), 1) / Math.max(1, Math.sqrt(n));
        assertThat((double) k.dot(a, b)).as("%s dot n=%d", k.name(), n).isCloseTo(dot, within((double)
                tolerance(n, scale)));
        assertThat((double) k.squareDistance(a, b))
                .as("%s l2 n=%d", k.name(), n)
                .isCloseTo(sq, within((double) tolerance(n, sq / n)));
        assertThat((double) k.l1Distance(a, b)).as("%s l1 n=%d", k.name(), n).isCloseTo(l1, within((double)
                tolerance(n, l1 / n)));
        if (na > 0 && nb > 0) {
            assertThat((double) k.cosine(a, b))
                    .as("%s cos n=%d", k.name(), n)
                    .isCloseTo(dot / Math.sqrt(na * nb), within(1e-5 * Math.max(1, Math.sqrt(n))));
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void scalar_randomVectors_matchDoubleReference(int n) {
        Random rnd = new Random(n);
        for (int round = 0; round < 5; round++) {
            assertAgrees(SCALAR, random(rnd, n), random(rnd, n));
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void panama_randomVectors_matchDoubleReferenceAndScalar(int n) {
        assumeTrue(panama != null, "jdk.incubator.vector not available");
        Random rnd = new Random(31L * n);
        for (int round = 0; round < 5; round++) {
            float[] a = random(rnd, n);
            float[] b = random(rnd, n);
            assertAgrees(panama, a, b);
            assertThat(panama.dot(a, b)).isCloseTo(SCALAR.dot(a, b), within(tolerance(n, 1)));
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void panama_boundaryFills_matchScalar(int n) {
        assumeTrue(panama != null, "jdk.incubator.vector not available");
        float[] big = new float[n];
        float[] alt = new float[n];
        for (int i = 0; i < n; i++) {
            big[i] = (i % 2 == 0 ? 1 : -1) * 1e15f;
            alt[i] = i % 2 == 0 ? 1 : -1;
        }
        assertAgrees(panama, alt, alt);
        assertThat(panama.dot(alt, alt)).isEqualTo(n); // exact in float for these sizes
        assertThat(panama.l1Distance(big, alt))
                .isCloseTo(SCALAR.l1Distance(big, alt), within(SCALAR.l1Distance(big, alt) * 1e-5f));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void dotInt8_allKernels_exactlyEqualIntegerReference(int n) {
        Random rnd = new Random(7L * n);
        for (int round = 0; round < 5; round++) {
            byte[] a = new byte[n + 5];
            byte[] b = new byte[n + 3];
            rnd.nextBytes(a);
            rnd.nextBytes(b);
            a[5] = -128;
            b[3] = -128;
            int expected = 0;
            for (int i = 0; i < n; i++) {
                expected += a[5 + i] * b[3 + i];
            }
            assertThat(SCALAR.dotInt8(a, 5, b, 3, n)).isEqualTo(expected);
            if (panama != null) {
                assertThat(panama.dotInt8(a, 5, b, 3, n)).as("panama n=%d", n).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void scoreRowsInt8_allKernels_exactlyEqualDotInt8(int n) {
        Random rnd = new Random(13L * n);
        int rows = 4;
        byte[] matrix = new byte[rows * n];
        byte[] q = new byte[n];
        rnd.nextBytes(matrix);
        rnd.nextBytes(q);
        matrix[matrix.length - 1] = -128;
        q[n - 1] = -128;
        for (VectorKernel k : panama == null ? new VectorKernel[] {SCALAR} : new VectorKernel[] {SCALAR, panama}) {
            int[] out = new int[3];
            k.scoreRowsInt8(q, matrix, 1, 4, out);
            for (int r = 1; r < 4; r++) {
                assertThat(out[r - 1])
                        .as("%s row %d n=%d", k.name(), r, n)
                        .isEqualTo(SCALAR.dotInt8(q, 0, matrix, r * n, n));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void scoreRows_offsetRows_equalSingleCalls(int n) {
        Random rnd = new Random(n + 99L);
        // 7 rows from row 1, so a kernel that scores rows in groups (tried for Panama, see docs/performance.md) is
        // covered
        int rows = 9;
        float[] matrix = random(rnd, rows * n);
        float[] q = random(rnd, n);
        for (VectorKernel k : panama == null ? new VectorKernel[] {SCALAR} : new VectorKernel[] {SCALAR, panama}) {
            for (VectorKernel.RawOp op : VectorKernel.RawOp.values()) {
                float[] out = new float[7];
                k.scoreRows(op, q, matrix, 1, 8, out);
                for (int r = 1; r < 8; r++) {
                    float[] row = java.util.Arrays.copyOfRange(matrix, r * n, r * n + n);
                    float single = switch (op) {
                        case DOT -> k.dot(q, row);
                        case SQUARE_L2 -> k.squareDistance(q, row);
                        case L1 -> k.l1Distance(q, row);
                    };
                    // a few ulps: on JDK 25 the lane reduction's order may differ between the interpreted and the
                    // C2-compiled form of the same kernel, and the two paths here need not be compiled alike
                    assertThat(out[r - 1])
                            .as("%s %s row %d", k.name(), op, r)
                            .isCloseTo(single, org.assertj.core.api.Assertions.within(8 * Math.ulp(single)));
                }
            }
        }
    }

    @Test
    void panama_reportsSpeciesInName() {
        assumeTrue(panama != null, "jdk.incubator.vector not available");
        assertThat(panama.name()).startsWith("panama(");
    }
}
