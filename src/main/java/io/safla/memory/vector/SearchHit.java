package io.safla.memory.vector;

import java.time.Instant;
import java.util.Set;

/**
 * One search result. {@code similarity} is on the query metric's scale (see {@link Metric}); larger is closer.
 */
public record SearchHit(
        String id, double similarity, String type, Set<String> tags, float importance, Instant createdAt) {

    public SearchHit {
        if (id == null || type == null || tags == null || createdAt == null) {
            throw new IllegalArgumentException("id, type, tags and createdAt are required");
        }
        if (Double.isNaN(similarity)) {
            throw new IllegalArgumentException("similarity is NaN for " + id);
        }
        tags = Set.copyOf(tags);
    }
}
