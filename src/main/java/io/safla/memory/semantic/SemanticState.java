package io.safla.memory.semantic;

import java.util.List;

/**
 * Everything needed to rebuild a {@link SemanticGraph}.
 *
 * @param concepts by id
 * @param relations in {@link Relation#ORDER}
 */
public record SemanticState(int maxNodes, int maxEdges, List<Concept> concepts, List<Relation> relations) {

    public SemanticState {
        concepts = List.copyOf(concepts);
        relations = List.copyOf(relations);
    }
}
