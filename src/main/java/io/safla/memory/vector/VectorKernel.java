package io.safla.memory.vector;

/**
 * Float and int8 arithmetic on vectors. Kernels assume valid input (equal lengths, finite values): the
 * {@link VectorStore} facade checks once at insert and query time, so the hot loops stay branch-free.
 * Implementations are stateless and thread-safe.
 */
public interface VectorKernel {

    /** Short name for health/settings output, e.g. {@code panama(Species[float, 8, S_256_BIT])}. */
    String name();

    /** Returns the dot product of the first {@code a.length} elements. */
    float dot(float[] a, float[] b);

    /** Returns the cosine of two arbitrary non-zero vectors (for unit vectors, use {@link #dot}). */
    float cosine(float[] a, float[] b);

    /** Returns the squared Euclidean distance. */
    float squareDistance(float[] a, float[] b);

    /** Returns the Manhattan (L1) distance. */
    float l1Distance(float[] a, float[] b);

    /**
     * Scores rows {@code [fromRow, toRow)} of the row-major {@code matrix} (row length {@code query.length})
     * against {@code query}; writes the raw value (dot, squared L2 or L1, chosen by {@code op}) of row
     * {@code r} into {@code out[r - fromRow]}. Nothing is returned; {@code out} is overwritten.
     */
    default void scoreRows(RawOp op, float[] query, float[] matrix, int fromRow, int toRow, float[] out) {
        scoreRows(op, query, matrix, 0, fromRow, toRow, out);
    }

    /**
     * As {@link #scoreRows(RawOp, float[], float[], int, int, float[])}, with row {@code r} starting at
     * {@code matrix[rowBase + r * query.length]}: the store keeps its rows at an offset that puts them on cache-line
     * boundaries.
     */
    void scoreRows(RawOp op, float[] query, float[] matrix, int rowBase, int fromRow, int toRow, float[] out);

    /** Returns the dot product of {@code len} int8 values starting at {@code aOff} and {@code bOff}. */
    int dotInt8(byte[] a, int aOff, byte[] b, int bOff, int len);

    /**
     * Writes the int8 dot product of {@code query} with each row {@code r} in {@code [fromRow, toRow)} of the
     * row-major {@code matrix} (row length {@code query.length}) into {@code out[r - fromRow]}; returns nothing.
     */
    default void scoreRowsInt8(byte[] query, byte[] matrix, int fromRow, int toRow, int[] out) {
        int dim = query.length;
        for (int r = fromRow; r < toRow; r++) {
            out[r - fromRow] = dotInt8(query, 0, matrix, r * dim, dim);
        }
    }

    /** The raw operation a metric needs from a kernel. */
    enum RawOp {
        DOT,
        SQUARE_L2,
        L1;

        static RawOp of(Metric metric) {
            return switch (metric) {
                case COSINE, DOT -> DOT;
                case EUCLIDEAN -> SQUARE_L2;
                case MANHATTAN -> L1;
            };
        }
    }
}
