package io.safla.memory.semantic;

import java.util.Objects;

/** A concept in a {@link Subgraph}, with its BFS distance from the centre. */
public record GraphNode(Concept concept, int hops) {

    public GraphNode {
        Objects.requireNonNull(concept, "concept");
        if (hops < 0) {
            throw new IllegalArgumentException("hops must be >= 0");
        }
    }
}
