package io.safla.memory.vector;

/**
 * A top-k request: the {@code k} most similar items whose similarity is at least {@code threshold}.
 *
 * @param vector    the query (copied; normalised by the store unless the metric is {@link Metric#DOT})
 * @param k         1 or more
 * @param threshold minimum similarity on the metric's scale; {@code Double.NEGATIVE_INFINITY} keeps all
 * @param metric    how items are compared
 * @param filter    which items may be returned
 */
public record SearchQuery(float[] vector, int k, double threshold, Metric metric, SearchFilter filter) {

    public SearchQuery {
        if (vector == null || metric == null || filter == null) {
            throw new IllegalArgumentException("vector, metric and filter are required");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (Double.isNaN(threshold) || threshold == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("threshold must be a number or -Infinity, got " + threshold);
        }
        vector = vector.clone();
    }

    /** Cosine, no threshold, no filter. */
    public static SearchQuery of(float[] vector, int k) {
        return new SearchQuery(vector, k, Double.NEGATIVE_INFINITY, Metric.COSINE, SearchFilter.NONE);
    }

    public SearchQuery withThreshold(double newThreshold) {
        return new SearchQuery(vector, k, newThreshold, metric, filter);
    }

    public SearchQuery withMetric(Metric newMetric) {
        return new SearchQuery(vector, k, threshold, newMetric, filter);
    }

    public SearchQuery withFilter(SearchFilter newFilter) {
        return new SearchQuery(vector, k, threshold, metric, newFilter);
    }
}
