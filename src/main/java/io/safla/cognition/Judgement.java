package io.safla.cognition;

import java.util.Objects;
import java.util.Set;

/**
 * Relevance feedback on one query: items the visitor marked relevant and items marked not relevant. Items in
 * neither set are unjudged.
 */
public record Judgement(String query, Set<String> relevant, Set<String> irrelevant) {

    public Judgement {
        Objects.requireNonNull(query, "query");
        if (query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        relevant = Set.copyOf(relevant);
        irrelevant = Set.copyOf(irrelevant);
        if (relevant.isEmpty() && irrelevant.isEmpty()) {
            throw new IllegalArgumentException("a judgement needs at least one judged item");
        }
        for (String id : relevant) {
            if (irrelevant.contains(id)) {
                throw new IllegalArgumentException("item " + id + " is marked both relevant and not relevant");
            }
        }
    }

    public static Judgement of(String query, String itemId, boolean isRelevant) {
        return isRelevant
                ? new Judgement(query, Set.of(itemId), Set.of())
                : new Judgement(query, Set.of(), Set.of(itemId));
    }
}
