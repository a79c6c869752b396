package io.safla.memory.vector;

/**
 * Portable kernel in plain Java; the reference the SIMD kernel is tested against, and the fallback whenever
 * {@code jdk.incubator.vector} is absent.
 */
public final class ScalarKernel implements VectorKernel {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public float dot(float[] a, float[] b) {
        return dot(a, 0, b, 0, a.length);
    }

    static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        // Four independent sums let the CPU overlap the additions instead of chaining them.
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        int bound = len & ~3;
        for (; i < bound; i += 4) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        for (; i < len; i++) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public float cosine(float[] a, float[] b) {
        float sum = 0, normA = 0, normB = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        // the square root in double avoids losing precision on the product of two float norms
        return (float) (sum / Math.sqrt((double) normA * (double) normB));
    }

    @Override
    public float squareDistance(float[] a, float[] b) {
        return squareDistance(a, 0, b, 0, a.length);
    }

    static float squareDistance(float[] a, int aOff, float[] b, int bOff, int len) {
        float s0 = 0, s1 = 0;
        int i = 0;
        int bound = len & ~1;
        for (; i < bound; i += 2) {
            float d0 = a[aOff + i] - b[bOff + i];
            float d1 = a[aOff + i + 1] - b[bOff + i + 1];
            s0 += d0 * d0;
            s1 += d1 * d1;
        }
        for (; i < len; i++) {
            float d = a[aOff + i] - b[bOff + i];
            s0 += d * d;
        }
        return s0 + s1;
    }

    @Override
    public float l1Distance(float[] a, float[] b) {
        return l1Distance(a, 0, b, 0, a.length);
    }

    static float l1Distance(float[] a, int aOff, float[] b, int bOff, int len) {
        float s0 = 0, s1 = 0;
        int i = 0;
        int bound = len & ~1;
        for (; i < bound; i += 2) {
            s0 += Math.abs(a[aOff + i] - b[bOff + i]);
            s1 += Math.abs(a[aOff + i + 1] - b[bOff + i + 1]);
        }
        for (; i < len; i++) {
            s0 += Math.abs(a[aOff + i] - b[bOff + i]);
        }
        return s0 + s1;
    }

    @Override
    public void scoreRows(RawOp op, float[] query, float[] matrix, int rowBase, int fromRow, int toRow, float[] out) {
        int dim = query.length;
        for (int r = fromRow; r < toRow; r++) {
            int off = rowBase + r * dim;
            out[r - fromRow] = switch (op) {
                case DOT -> dot(query, 0, matrix, off, dim);
                case SQUARE_L2 -> squareDistance(query, 0, matrix, off, dim);
                case L1 -> l1Distance(query, 0, matrix, off, dim);
            };
        }
    }

    @Override
    public int dotInt8(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int s0 = 0, s1 = 0;
        int i = 0;
        int bound = len & ~1;
        for (; i < bound; i += 2) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
        }
        for (; i < len; i++) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return s0 + s1;
    }
}
