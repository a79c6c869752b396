package io.safla.cognition;

import java.util.Arrays;

/**
 * Disjoint LinUCB (Li et al., 2010): per arm a ridge regression of reward on the query features, and the arm chosen
 * by its predicted reward plus {@code alpha} times the uncertainty of that prediction. Because each arm's estimate is
 * a function of the features, what one kind of query teaches (identifier queries like the hybrid) moves the estimate
 * for other kinds only as far as they share features.
 *
 * <p>Deterministic given its seed: the seed only breaks exact ties. Not thread-safe: callers synchronise.
 */
public final class LinUcbBandit {

    private final int arms;
    private final int dimension;
    private final double alpha;
    private final int defaultArm;
    private final double switchMargin;
    private final double[][][] a;
    private final double[][] b;
    private final long[] pulls;
    private final double[] rewardSums;
    private long tieBreak;

    /**
     * @param priorArm the default arm: it wins while nothing is learned
     * @param prior its initial reward estimate on the constant feature; the others start at 0
     */
    public LinUcbBandit(int arms, int dimension, double alpha, int priorArm, double prior, long seed) {
        this(arms, dimension, alpha, priorArm, prior, 0, seed);
    }

    /**
     * @param switchMargin how much better another arm's predicted reward must be before {@link #greedy} leaves the
     *     default: where every arm does equally well the default keeps the query, instead of whichever arm the
     *     shared features happen to favour by a hair
     */
    public LinUcbBandit(
            int arms, int dimension, double alpha, int priorArm, double prior, double switchMargin, long seed) {
        if (arms < 1 || dimension < 1 || !(alpha >= 0) || priorArm < 0 || priorArm >= arms || !(switchMargin >= 0)) {
            throw new IllegalArgumentException("invalid bandit configuration");
        }
        this.defaultArm = priorArm;
        this.switchMargin = switchMargin;
        this.arms = arms;
        this.dimension = dimension;
        this.alpha = alpha;
        this.a = new double[arms][dimension][dimension];
        this.b = new double[arms][dimension];
        this.pulls = new long[arms];
        this.rewardSums = new double[arms];
        this.tieBreak = seed;
        for (int arm = 0; arm < arms; arm++) {
            for (int i = 0; i < dimension; i++) {
                a[arm][i][i] = 1;
            }
        }
        b[priorArm][0] = prior;
    }

    public int arms() {
        return arms;
    }

    /** The arm to play for {@code x}: highest upper confidence bound. */
    public int select(double[] x) {
        return argmax(x, alpha);
    }

    /**
     * The arm with the highest predicted reward, without exploration (what to use when evaluating), unless it beats
     * the default arm by no more than the switch margin.
     */
    public int greedy(double[] x) {
        int best = argmax(x, 0);
        return best != defaultArm && predict(best, x) <= predict(defaultArm, x) + switchMargin ? defaultArm : best;
    }

    /** Predicted reward of {@code arm} for {@code x}. */
    public double predict(int arm, double[] x) {
        return dot(solve(a[arm], b[arm]), x);
    }

    /** Width of the confidence interval of {@code arm}'s prediction for {@code x}: shrinks as it learns. */
    public double uncertainty(int arm, double[] x) {
        return Math.sqrt(Math.max(0, dot(x, solve(a[arm], x))));
    }

    public void update(int arm, double[] x, double reward) {
        check(x);
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                a[arm][i][j] += x[i] * x[j];
            }
            b[arm][i] += reward * x[i];
        }
        pulls[arm]++;
        rewardSums[arm] += reward;
    }

    public long pulls(int arm) {
        return pulls[arm];
    }

    /** Mean observed reward of {@code arm}, 0 before its first pull. */
    public double meanReward(int arm) {
        return pulls[arm] == 0 ? 0 : rewardSums[arm] / pulls[arm];
    }

    /** A deep copy of everything learned, including the tie-breaking generator's state. */
    public State snapshot() {
        double[][][] aCopy = new double[arms][][];
        double[][] bCopy = new double[arms][];
        for (int arm = 0; arm < arms; arm++) {
            aCopy[arm] = new double[dimension][];
            for (int i = 0; i < dimension; i++) {
                aCopy[arm][i] = a[arm][i].clone();
            }
            bCopy[arm] = b[arm].clone();
        }
        return new State(aCopy, bCopy, pulls.clone(), rewardSums.clone(), tieBreak);
    }

    /** Puts back exactly what {@link #snapshot()} captured. */
    public void restore(State state) {
        if (state.a().length != arms || state.a()[0].length != dimension) {
            throw new IllegalArgumentException("snapshot of another bandit shape");
        }
        for (int arm = 0; arm < arms; arm++) {
            for (int i = 0; i < dimension; i++) {
                System.arraycopy(state.a()[arm][i], 0, a[arm][i], 0, dimension);
            }
            System.arraycopy(state.b()[arm], 0, b[arm], 0, dimension);
        }
        System.arraycopy(state.pulls(), 0, pulls, 0, arms);
        System.arraycopy(state.rewardSums(), 0, rewardSums, 0, arms);
        tieBreak = state.randomSeed();
    }

    private int argmax(double[] x, double width) {
        check(x);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        int ties = 0;
        for (int arm = 0; arm < arms; arm++) {
            double score = predict(arm, x) + (width == 0 ? 0 : width * uncertainty(arm, x));
            if (score > bestScore + 1e-12) {
                best = arm;
                bestScore = score;
                ties = 1;
            } else if (Math.abs(score - bestScore) <= 1e-12 && nextInt(++ties) == 0) {
                best = arm; // reservoir choice among equal arms
            }
        }
        return best;
    }

    private void check(double[] x) {
        if (x.length != dimension) {
            throw new IllegalArgumentException("expected " + dimension + " features, got " + x.length);
        }
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    /** Solves {@code m y = v} by Cholesky; m is symmetric positive definite (identity plus outer products). */
    private static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = m[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = v[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] out = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * out[k];
            }
            out[i] = s / l[i][i];
        }
        return out;
    }

    /**
     * What the bandit learned. Arrays are copies owned by the state; {@code equals} compares contents, so a
     * restored bandit can be checked to equal its checkpoint exactly.
     */
    public record State(double[][][] a, double[][] b, long[] pulls, double[] rewardSums, long randomSeed) {
        @Override
        public boolean equals(Object o) {
            return o instanceof State s
                    && Arrays.deepEquals(a, s.a)
                    && Arrays.deepEquals(b, s.b)
                    && Arrays.equals(pulls, s.pulls)
                    && Arrays.equals(rewardSums, s.rewardSums)
                    && randomSeed == s.randomSeed;
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(a) * 31 + Arrays.deepHashCode(b) + Long.hashCode(randomSeed);
        }

        @Override
        public String toString() {
            return "LinUcbBandit.State[pulls=" + Arrays.toString(pulls) + "]";
        }
    }

    /** SplitMix64 step: a generator whose whole state is one long, so snapshots capture it exactly. */
    private int nextInt(int bound) {
        tieBreak += 0x9E3779B97F4A7C15L;
        long z = tieBreak;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) Math.floorMod(z, (long) bound);
    }
}
