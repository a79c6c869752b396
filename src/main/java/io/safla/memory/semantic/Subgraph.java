package io.safla.memory.semantic;

import java.util.List;

/**
 * Result of {@link SemanticGraph#neighbourhood}.
 *
 * @param nodes by hop distance, then id; the centre first
 * @param edges every stored relation whose two ends are both in {@code nodes}, in {@link Relation#ORDER}
 * @param truncated whether {@code maxNodes} cut the BFS short
 */
public record Subgraph(String centerId, List<GraphNode> nodes, List<Relation> edges, boolean truncated) {

    public Subgraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
