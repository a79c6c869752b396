package io.safla.memory.vector;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernel on the incubating Vector API (floats at most 256 bits wide by default, see {@link #floatSpecies}).
 * Never referenced directly: {@link KernelProvider} loads it by class name so that the application still runs
 * without {@code --add-modules jdk.incubator.vector}.
 *
 * <p>Implementation notes (shape follows Lucene's PanamaVectorUtilSupport): inputs shorter than two vectors
 * go to the scalar code, because masking/reduction overhead outweighs the gain there. The main loop is
 * unrolled over several accumulators so consecutive FMAs do not wait on each other, followed by a
 * one-vector-at-a-time tail and a scalar tail; no masked loads. Bounds checks stay on (we do not set
 * {@code jdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0} as jvector does): a kernel bug must surface as an
 * exception, not as silent reads of neighbouring rows. int8 dot products widen bytes to ints of the same lane
 * count (B2I) before multiplying, so they cannot overflow for rows up to 2^31 / 127^2 (about 133k) long.
 */
public final class PanamaKernel implements VectorKernel {

    /** {@code -Dsafla.vector.float-bits=128|256|512|preferred}: the width of the float kernels. */
    public static final String FLOAT_BITS_PROPERTY = "safla.vector.float-bits";

    private static final VectorSpecies<Float> FLOATS = floatSpecies(System.getProperty(FLOAT_BITS_PROPERTY));
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    // Bytes with as many lanes as INTS; 64 bits is the smallest shape, so 128-bit machines use scalar int8.
    private static final VectorSpecies<Byte> BYTES_FOR_INTS =
            INTS.length() >= 8 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(INTS.length() * 8)) : null;
    private static final int LANES = FLOATS.length();

    /** Lanes per float vector in use, e.g. 8 for 256-bit vectors. */
    public static int lanes() {
        return LANES;
    }

    /**
     * The float species: the requested width, or by default the machine's preferred width capped at 256 bits.
     * Why the cap: on the 2-core AMD EPYC (Zen 4) build machine, AVX-512 is executed as two 256-bit halves, and
     * JDK 17 sums a float vector's lanes one after another, so 16 lanes cost twice the reduction of 8 per row.
     * Scanning 1 000 x 384 rows took a median 20 us with 256-bit vectors against 22-26 us with 512-bit ones
     * (docs/performance.md); large scans are bound by memory either way. A width above the machine's is refused.
     */
    static VectorSpecies<Float> floatSpecies(String requested) {
        VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
        String value = requested == null ? "" : requested.trim();
        int bits;
        if (value.isEmpty()) {
            bits = Math.min(256, preferred.vectorBitSize());
        } else if (value.equals("preferred")) {
            bits = preferred.vectorBitSize();
        } else if (value.equals("128") || value.equals("256") || value.equals("512")) {
            bits = Integer.parseInt(value);
            if (bits > preferred.vectorBitSize()) {
                throw new IllegalArgumentException(FLOAT_BITS_PROPERTY + "=" + value + " exceeds this machine's "
                        + preferred.vectorBitSize() + "-bit vectors");
            }
        } else {
            throw new IllegalArgumentException(
                    FLOAT_BITS_PROPERTY + " must be 128, 256, 512 or preferred, got '" + value + "'");
        }
        return VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
    }

    @Override
    public String name() {
        return "panama(" + FLOATS + ")";
    }

    @Override
    public float dot(float[] a, float[] b) {
        return dot(a, 0, b, 0, a.length);
    }

    static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        if (len < 2 * LANES) {
            return ScalarKernel.dot(a, aOff, b, bOff, len);
        }
        int i = 0;
        // 4 accumulators: consecutive FMAs into one register would each wait out the previous FMA's latency.
        FloatVector acc0 = FloatVector.zero(FLOATS);
        FloatVector acc1 = FloatVector.zero(FLOATS);
        FloatVector acc2 = FloatVector.zero(FLOATS);
        FloatVector acc3 = FloatVector.zero(FLOATS);
        int unrolled = len - len % (4 * LANES);
        for (; i < unrolled; i += 4 * LANES) {
            acc0 = fv(a, aOff + i).fma(fv(b, bOff + i), acc0);
            acc1 = fv(a, aOff + i + LANES).fma(fv(b, bOff + i + LANES), acc1);
            acc2 = fv(a, aOff + i + 2 * LANES).fma(fv(b, bOff + i + 2 * LANES), acc2);
            acc3 = fv(a, aOff + i + 3 * LANES).fma(fv(b, bOff + i + 3 * LANES), acc3);
        }
        int vectorBound = FLOATS.loopBound(len);
        for (; i < vectorBound; i += LANES) {
            acc0 = fv(a, aOff + i).fma(fv(b, bOff + i), acc0);
        }
        float sum = acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            sum = Math.fma(a[aOff + i], b[bOff + i], sum);
        }
        return sum;
    }

    @Override
    public float cosine(float[] a, float[] b) {
        int len = a.length;
        if (len < 2 * LANES) {
            return new ScalarKernel().cosine(a, b);
        }
        int i = 0;
        // Three running sums already give three independent chains; two of each keeps register pressure sane.
        FloatVector dot0 = FloatVector.zero(FLOATS), dot1 = FloatVector.zero(FLOATS);
        FloatVector na0 = FloatVector.zero(FLOATS), na1 = FloatVector.zero(FLOATS);
        FloatVector nb0 = FloatVector.zero(FLOATS), nb1 = FloatVector.zero(FLOATS);
        int unrolled = len - len % (2 * LANES);
        for (; i < unrolled; i += 2 * LANES) {
            FloatVector a0 = fv(a, i), b0 = fv(b, i);
            FloatVector a1 = fv(a, i + LANES), b1 = fv(b, i + LANES);
            dot0 = a0.fma(b0, dot0);
            dot1 = a1.fma(b1, dot1);
            na0 = a0.fma(a0, na0);
            na1 = a1.fma(a1, na1);
            nb0 = b0.fma(b0, nb0);
            nb1 = b1.fma(b1, nb1);
        }
        int vectorBound = FLOATS.loopBound(len);
        for (; i < vectorBound; i += LANES) {
            FloatVector a0 = fv(a, i), b0 = fv(b, i);
            dot0 = a0.fma(b0, dot0);
            na0 = a0.fma(a0, na0);
            nb0 = b0.fma(b0, nb0);
        }
        float sum = dot0.add(dot1).reduceLanes(VectorOperators.ADD);
        float normA = na0.add(na1).reduceLanes(VectorOperators.ADD);
        float normB = nb0.add(nb1).reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            sum = Math.fma(a[i], b[i], sum);
            normA = Math.fma(a[i], a[i], normA);
            normB = Math.fma(b[i], b[i], normB);
        }
        // the square root in double avoids losing precision on the product of two float norms
        return (float) (sum / Math.sqrt((double) normA * (double) normB));
    }

    @Override
    public float squareDistance(float[] a, float[] b) {
        return squareDistance(a, 0, b, 0, a.length);
    }

    static float squareDistance(float[] a, int aOff, float[] b, int bOff, int len) {
        if (len < 2 * LANES) {
            return ScalarKernel.squareDistance(a, aOff, b, bOff, len);
        }
        int i = 0;
        FloatVector acc0 = FloatVector.zero(FLOATS);
        FloatVector acc1 = FloatVector.zero(FLOATS);
        int unrolled = len - len % (2 * LANES);
        for (; i < unrolled; i += 2 * LANES) {
            FloatVector d0 = fv(a, aOff + i).sub(fv(b, bOff + i));
            FloatVector d1 = fv(a, aOff + i + LANES).sub(fv(b, bOff + i + LANES));
            acc0 = d0.fma(d0, acc0);
            acc1 = d1.fma(d1, acc1);
        }
        int vectorBound = FLOATS.loopBound(len);
        for (; i < vectorBound; i += LANES) {
            FloatVector d0 = fv(a, aOff + i).sub(fv(b, bOff + i));
            acc0 = d0.fma(d0, acc0);
        }
        float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            float d = a[aOff + i] - b[bOff + i];
            sum = Math.fma(d, d, sum);
        }
        return sum;
    }

    @Override
    public float l1Distance(float[] a, float[] b) {
        return l1Distance(a, 0, b, 0, a.length);
    }

    static float l1Distance(float[] a, int aOff, float[] b, int bOff, int len) {
        if (len < 2 * LANES) {
            return ScalarKernel.l1Distance(a, aOff, b, bOff, len);
        }
        int i = 0;
        FloatVector acc0 = FloatVector.zero(FLOATS);
        FloatVector acc1 = FloatVector.zero(FLOATS);
        int unrolled = len - len % (2 * LANES);
        for (; i < unrolled; i += 2 * LANES) {
            acc0 = acc0.add(fv(a, aOff + i).sub(fv(b, bOff + i)).abs());
            acc1 = acc1.add(fv(a, aOff + i + LANES).sub(fv(b, bOff + i + LANES)).abs());
        }
        int vectorBound = FLOATS.loopBound(len);
        for (; i < vectorBound; i += LANES) {
            acc0 = acc0.add(fv(a, aOff + i).sub(fv(b, bOff + i)).abs());
        }
        float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            sum += Math.abs(a[aOff + i] - b[bOff + i]);
        }
        return sum;
    }

    @Override
    public void scoreRows(RawOp op, float[] query, float[] matrix, int rowBase, int fromRow, int toRow, float[] out) {
        int dim = query.length;
        switch (op) {
            case DOT -> {
                for (int r = fromRow; r < toRow; r++) {
                    out[r - fromRow] = dot(query, 0, matrix, rowBase + r * dim, dim);
                }
            }
            case SQUARE_L2 -> {
                for (int r = fromRow; r < toRow; r++) {
                    out[r - fromRow] = squareDistance(query, 0, matrix, rowBase + r * dim, dim);
                }
            }
            case L1 -> {
                for (int r = fromRow; r < toRow; r++) {
                    out[r - fromRow] = l1Distance(query, 0, matrix, rowBase + r * dim, dim);
                }
            }
        }
    }

    @Override
    public int dotInt8(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int lanes = INTS.length();
        if (BYTES_FOR_INTS == null || len < 2 * lanes) {
            return new ScalarKernel().dotInt8(a, aOff, b, bOff, len);
        }
        int i = 0;
        IntVector acc0 = IntVector.zero(INTS);
        IntVector acc1 = IntVector.zero(INTS);
        int unrolled = len - len % (2 * lanes);
        for (; i < unrolled; i += 2 * lanes) {
            acc0 = acc0.add(widen(a, aOff + i).mul(widen(b, bOff + i)));
            acc1 = acc1.add(widen(a, aOff + i + lanes).mul(widen(b, bOff + i + lanes)));
        }
        int vectorBound = INTS.loopBound(len);
        for (; i < vectorBound; i += lanes) {
            acc0 = acc0.add(widen(a, aOff + i).mul(widen(b, bOff + i)));
        }
        int sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            sum += a[aOff + i] * b[bOff + i];
        }
        return sum;
    }

    /**
     * Scores two rows per pass so that each widened query vector is used twice; the per-row {@link #dotInt8}
     * handles an odd last row and short rows.
     */
    @Override
    public void scoreRowsInt8(byte[] query, byte[] matrix, int fromRow, int toRow, int[] out) {
        int dim = query.length;
        int lanes = INTS.length();
        if (BYTES_FOR_INTS == null || dim < 2 * lanes) {
            VectorKernel.super.scoreRowsInt8(query, matrix, fromRow, toRow, out);
            return;
        }
        int bound = INTS.loopBound(dim);
        int r = fromRow;
        for (; r + 1 < toRow; r += 2) {
            int off0 = r * dim;
            int off1 = off0 + dim;
            IntVector acc0 = IntVector.zero(INTS);
            IntVector acc1 = IntVector.zero(INTS);
            int i = 0;
            for (; i < bound; i += lanes) {
                IntVector q = widen(query, i);
                acc0 = acc0.add(q.mul(widen(matrix, off0 + i)));
                acc1 = acc1.add(q.mul(widen(matrix, off1 + i)));
            }
            int sum0 = acc0.reduceLanes(VectorOperators.ADD);
            int sum1 = acc1.reduceLanes(VectorOperators.ADD);
            for (; i < dim; i++) {
                sum0 += query[i] * matrix[off0 + i];
                sum1 += query[i] * matrix[off1 + i];
            }
            out[r - fromRow] = sum0;
            out[r + 1 - fromRow] = sum1;
        }
        if (r < toRow) {
            out[r - fromRow] = dotInt8(query, 0, matrix, r * dim, dim);
        }
    }

    private static FloatVector fv(float[] array, int offset) {
        return FloatVector.fromArray(FLOATS, array, offset);
    }

    private static IntVector widen(byte[] array, int offset) {
        return (IntVector)
                ByteVector.fromArray(BYTES_FOR_INTS, array, offset).convertShape(VectorOperators.B2I, INTS, 0);
    }
}
