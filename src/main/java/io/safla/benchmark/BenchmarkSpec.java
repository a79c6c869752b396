package io.safla.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark to run. Ranges are sized for a shared 2-core Space; {@link #problems} lists every violation so a
 * form can mark each field, and the constructor rejects an invalid spec with all of them in one message.
 *
 * @param suite     what to measure
 * @param n         vectors in the synthetic store (or vectors inserted), {@value #MIN_N}-{@value #MAX_N}
 * @param dimension vector length, one of {@link #DIMENSIONS}; {@code n * dimension} at most {@value #MAX_FLOATS}
 *                  floats (about 100 MB)
 * @param k         results per search, {@value #MIN_K}-{@value #MAX_K}
 * @param queries   timed operations, {@value #MIN_QUERIES}-{@value #MAX_QUERIES}; for vector search
 *                  {@code n * dimension * queries} at most {@value #MAX_WORK} multiply-adds
 * @param seed      seed of every random workload; the same spec on the same machine repeats the same work
 */
public record BenchmarkSpec(BenchmarkSuite suite, int n, int dimension, int k, int queries, long seed) {

    public static final int MIN_N = 1_000;
    public static final int MAX_N = 200_000;
    public static final List<Integer> DIMENSIONS = List.of(128, 256, 384, 512, 768, 1024, 1536);
    public static final int MIN_K = 1;
    public static final int MAX_K = 100;
    public static final int MIN_QUERIES = 10;
    public static final int MAX_QUERIES = 2_000;
    /** Largest synthetic store, in floats: 100 MB of heap. */
    public static final long MAX_FLOATS = 25_600_000L;
    /** Largest vector-search workload, in multiply-adds: a few seconds per run on one core. */
    public static final long MAX_WORK = 10_000_000_000L;

    /** A field and what is wrong with it. */
    public record Problem(BenchmarkSuite.Param param, String message) {}

    public BenchmarkSpec {
        if (suite == null) {
            throw new IllegalArgumentException("suite is required");
        }
        List<Problem> problems = problems(suite, n, dimension, k, queries);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    String.join("; ", problems.stream().map(Problem::message).toList()));
        }
    }

    /** The small default spec for a suite. */
    public static BenchmarkSpec defaults(BenchmarkSuite suite, long seed) {
        return new BenchmarkSpec(suite, 10_000, 384, 10, 200, seed);
    }

    /** Every violated range, in field order; empty when the values make a valid spec. */
    public static List<Problem> problems(BenchmarkSuite suite, int n, int dimension, int k, int queries) {
        List<Problem> out = new ArrayList<>();
        if (n < MIN_N || n > MAX_N) {
            out.add(new Problem(BenchmarkSuite.Param.N, "n must be between " + MIN_N + " and " + MAX_N + ", got " + n));
        }
        if (!DIMENSIONS.contains(dimension)) {
            out.add(new Problem(
                    BenchmarkSuite.Param.DIMENSION, "dimension must be one of " + DIMENSIONS + ", got " + dimension));
        }
        if (k < MIN_K || k > MAX_K) {
            out.add(new Problem(BenchmarkSuite.Param.K, "k must be between " + MIN_K + " and " + MAX_K + ", got " + k));
        }
        if (queries < MIN_QUERIES || queries > MAX_QUERIES) {
            out.add(new Problem(
                    BenchmarkSuite.Param.QUERIES,
                    "queries must be between " + MIN_QUERIES + " and " + MAX_QUERIES + ", got " + queries));
        }
        if (out.isEmpty() && suite != null && suite.uses(BenchmarkSuite.Param.N)) {
            long floats = (long) n * dimension;
            if (floats > MAX_FLOATS) {
                out.add(new Problem(
                        BenchmarkSuite.Param.N,
                        "n x dimension must be at most " + MAX_FLOATS + " floats (100 MB), got " + floats
                                + "; lower n or the dimension"));
            } else if (suite.isVectorSearch() && floats * queries > MAX_WORK) {
                out.add(new Problem(
                        BenchmarkSuite.Param.QUERIES,
                        "n x dimension x queries must be at most " + MAX_WORK + " multiply-adds, got "
                                + floats * queries + "; lower queries, n or the dimension"));
            }
        }
        return List.copyOf(out);
    }

    /** Human-readable ranges, for form helper texts. */
    public static String range(BenchmarkSuite.Param param) {
        return switch (param) {
            case N -> "1 000 - 200 000; n x dimension at most 25.6 M";
            case DIMENSION -> "one of 128, 256, 384, 512, 768, 1024, 1536";
            case K -> MIN_K + " - " + MAX_K;
            case QUERIES -> MIN_QUERIES + " - " + "2 000; vector search: n x dim x queries at most 1e10";
        };
    }
}
