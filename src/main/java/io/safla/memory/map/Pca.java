package io.safla.memory.map;

import java.util.List;

/**
 * Principal component analysis by power iteration with deflation, without forming the covariance matrix.
 *
 * <p>Why this shape: the map needs 2 components of at most a few thousand vectors of up to 1536 dimensions. Forming
 * the d×d covariance costs O(n·d²) and d² doubles of memory; multiplying by it implicitly as {@code Xᵀ(Xv)/(n-1)}
 * costs O(n·d) per iteration, and a few hundred iterations converge for any gap between eigenvalues worth plotting.
 * Each later component is kept orthogonal to the earlier ones by Gram-Schmidt at every step (deflation).
 *
 * <p>Deterministic: the start vector is fixed, and each component's sign is chosen so that its largest-magnitude
 * coordinate is positive, so the same vectors always give the same picture.
 */
public final class Pca {

    static final int MAX_ITERATIONS = 1000;
    static final double TOLERANCE = 1e-10;

    private Pca() {}

    /**
     * @param components unit principal axes, strongest first, each of the input dimension
     * @param variances the variance along each axis (an eigenvalue of the sample covariance)
     * @param totalVariance the sum of the variances along every input dimension
     * @param coordinates one row per input vector: its centred projection on each axis
     */
    public record Result(double[][] components, double[] variances, double totalVariance, double[][] coordinates) {

        /** Share of the total variance the axis explains, in [0, 1]; 0 when the data has no variance. */
        public double explained(int component) {
            return totalVariance == 0 ? 0 : variances[component] / totalVariance;
        }
    }

    /**
     * Projects the vectors on their first {@code k} principal axes.
     *
     * @throws IllegalArgumentException if there are no vectors, their lengths differ, a value is not finite, or
     *     {@code k} is not in [1, dimension]
     */
    public static Result project(List<float[]> vectors, int k) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no vectors to project");
        }
        int n = vectors.size();
        int d = vectors.get(0).length;
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("k must be in [1, " + d + "], got " + k);
        }
        double[][] x = new double[n][];
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            float[] v = vectors.get(i);
            if (v.length != d) {
                throw new IllegalArgumentException("vector " + i + " has " + v.length + " dimensions, not " + d);
            }
            x[i] = new double[d];
            for (int j = 0; j < d; j++) {
                if (!Float.isFinite(v[j])) {
                    throw new IllegalArgumentException("vector " + i + " has a non-finite value");
                }
                x[i][j] = v[j];
                mean[j] += v[j];
            }
        }
        double total = 0;
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] -= mean[j];
                total += row[j] * row[j];
            }
        }
        double denominator = Math.max(1, n - 1);
        total /= denominator;
        double[][] axes = new double[k][];
        double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            double[] v = startVector(d, c);
            orthogonalise(v, axes, c);
            if (!normalise(v)) {
                v = new double[d];
            }
            double lambda = 0;
            for (int it = 0; it < MAX_ITERATIONS; it++) {
                double[] next = covarianceTimes(x, v, denominator);
                orthogonalise(next, axes, c);
                lambda = dot(next, v);
                if (!normalise(next)) {
                    // No variance left outside the earlier axes: any orthogonal direction is as good as another.
                    lambda = 0;
                    break;
                }
                double change = 0;
                for (int j = 0; j < d; j++) {
                    change = Math.max(change, Math.abs(next[j] - v[j]));
                }
                v = next;
                if (change < TOLERANCE) {
                    break;
                }
            }
            fixSign(v);
            axes[c] = v;
            variances[c] = Math.max(0, lambda);
        }
        double[][] coordinates = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                coordinates[i][c] = dot(x[i], axes[c]);
            }
        }
        return new Result(axes, variances, total, coordinates);
    }

    private static double[] covarianceTimes(double[][] x, double[] v, double denominator) {
        double[] out = new double[v.length];
        for (double[] row : x) {
            double p = dot(row, v);
            for (int j = 0; j < out.length; j++) {
                out[j] += p * row[j];
            }
        }
        for (int j = 0; j < out.length; j++) {
            out[j] /= denominator;
        }
        return out;
    }

    /** Not an axis-aligned vector, so it is unlikely to be orthogonal to the leading axis of real data. */
    private static double[] startVector(int d, int component) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = 1.0 / (1 + ((j + 7L * component) % 13)) + (j % 2 == 0 ? 0.1 : -0.05);
        }
        return v;
    }

    private static void orthogonalise(double[] v, double[][] axes, int count) {
        for (int c = 0; c < count; c++) {
            double p = dot(v, axes[c]);
            for (int j = 0; j < v.length; j++) {
                v[j] -= p * axes[c][j];
            }
        }
    }

    private static boolean normalise(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (!(norm > 1e-300)) {
            return false;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;
        }
        return true;
    }

    private static void fixSign(double[] v) {
        int largest = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
