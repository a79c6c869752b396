package io.safla.memory;

import io.safla.memory.vector.Metric;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A text search. Being a record, it is also the search cache's key: query, k, threshold, metric and every filter.
 *
 * @param query the text to search for
 * @param k results wanted, 1-100
 * @param threshold minimum similarity on the metric's scale, 0-1
 * @param types only these memory types (empty: all)
 * @param metric how vectors are compared
 * @param tags every one of these tags (empty: no restriction)
 * @param from created at or after
 * @param to created before
 */
public record SearchRequest(
        String query,
        int k,
        double threshold,
        Set<MemoryType> types,
        Metric metric,
        Set<String> tags,
        @Nullable Instant from,
        @Nullable Instant to) {

    // The search input rules, in one place: the REST API's annotations, the Memory view and every other door
    // check a search with these values and say what is wrong in these words.
    public static final int MAX_K = 100;
    public static final int MAX_QUERY_LENGTH = 1000;
    public static final String QUERY_BLANK = "must not be blank";
    public static final String QUERY_TOO_LONG = "must be at most " + MAX_QUERY_LENGTH + " characters";
    public static final String K_OUT_OF_RANGE = "must be between 1 and " + MAX_K;
    public static final String THRESHOLD_OUT_OF_RANGE = "must be between 0 and 1";

    /** What is wrong with these inputs, by field ({@code query}, {@code k}, {@code threshold}); empty when valid. */
    public static Map<String, String> problems(
            @Nullable String query, @Nullable Integer k, @Nullable Double threshold) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (query == null || query.isBlank()) {
            problems.put("query", QUERY_BLANK);
        } else if (query.length() > MAX_QUERY_LENGTH) {
            problems.put("query", QUERY_TOO_LONG);
        }
        if (k == null || k < 1 || k > MAX_K) {
            problems.put("k", K_OUT_OF_RANGE);
        }
        if (threshold == null || !(threshold >= 0 && threshold <= 1)) {
            problems.put("threshold", THRESHOLD_OUT_OF_RANGE);
        }
        return problems;
    }

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        if (query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", got " + k);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, got " + threshold);
        }
        types = Set.copyOf(types == null ? Set.of() : types);
        tags = Set.copyOf(tags == null ? Set.of() : tags);
        metric = metric == null ? Metric.COSINE : metric;
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public static SearchRequest of(String query, int k) {
        return new SearchRequest(query, k, 0, Set.of(), Metric.COSINE, Set.of(), null, null);
    }

    public SearchRequest withThreshold(double newThreshold) {
        return new SearchRequest(query, k, newThreshold, types, metric, tags, from, to);
    }

    public SearchRequest withTypes(Set<MemoryType> newTypes) {
        return new SearchRequest(query, k, threshold, newTypes, metric, tags, from, to);
    }

    public SearchRequest withMetric(Metric newMetric) {
        return new SearchRequest(query, k, threshold, types, newMetric, tags, from, to);
    }
}
