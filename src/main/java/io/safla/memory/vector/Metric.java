package io.safla.memory.vector;

/**
 * How a query is compared with stored (unit-length) vectors, and how the raw kernel value becomes the similarity
 * that results are ranked by (larger is better) and that thresholds apply to.
 *
 * <ul>
 *   <li>{@code COSINE}: query normalised; similarity = dot = cosine, in [-1, 1].
 *   <li>{@code DOT}: query used as given; similarity = raw dot product (|query| times the cosine).
 *   <li>{@code EUCLIDEAN}: query normalised; d = ||q - x|| in [0, 2]; similarity = 1 - d/2, in [0, 1].
 *   <li>{@code MANHATTAN}: query normalised; d = sum |q - x|; similarity = 1 / (1 + d), in (0, 1].
 * </ul>
 */
public enum Metric {
    COSINE,
    DOT,
    EUCLIDEAN,
    MANHATTAN;

    /** Whether the facade normalises the query before scoring. */
    public boolean normalizesQuery() {
        return this != DOT;
    }

    /** Converts the raw kernel value (dot, squared L2 or L1) into this metric's similarity. */
    public double similarity(float raw) {
        return switch (this) {
            case COSINE, DOT -> raw;
            // rounding can push a squared distance a hair below 0 for identical vectors
            case EUCLIDEAN -> 1.0 - Math.sqrt(Math.max(0f, raw)) / 2.0;
            case MANHATTAN -> 1.0 / (1.0 + raw);
        };
    }
}
