package io.safla.memory.consolidation;

import io.safla.memory.semantic.Relation;
import java.util.List;

/**
 * What one {@link Consolidator#consolidate} run moved, in the order a UI can replay it: working items promoted
 * to episodes, then concepts created or strengthened, then relations added or strengthened.
 *
 * @param promotedWorkingIds working items that became episodes, in id order
 * @param createdEpisodeIds the episodes they became, in the same order
 * @param concepts in concept id order
 * @param relations the relations as stored after the run, in {@link Relation#ORDER}
 * @param candidateEpisodes important episodes considered for clustering
 * @param unclusteredEpisodes candidates left in no concept (clusters below the minimum size)
 */
public record ConsolidationReport(
        List<String> promotedWorkingIds,
        List<String> createdEpisodeIds,
        List<ConceptChange> concepts,
        List<Relation> relations,
        int candidateEpisodes,
        int unclusteredEpisodes) {

    public ConsolidationReport {
        promotedWorkingIds = List.copyOf(promotedWorkingIds);
        createdEpisodeIds = List.copyOf(createdEpisodeIds);
        concepts = List.copyOf(concepts);
        relations = List.copyOf(relations);
    }

    /** Number of things that changed; 0 means the run was a no-op. */
    public int totalChanges() {
        return promotedWorkingIds.size() + concepts.size() + relations.size();
    }
}
