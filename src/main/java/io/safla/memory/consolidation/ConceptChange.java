package io.safla.memory.consolidation;

import java.util.List;

/**
 * A concept that consolidation created or strengthened.
 *
 * @param addedEpisodeIds episodes newly attributed to the concept, in id order
 */
public record ConceptChange(String conceptId, String name, boolean created, List<String> addedEpisodeIds) {

    public ConceptChange {
        addedEpisodeIds = List.copyOf(addedEpisodeIds);
        if (addedEpisodeIds.isEmpty()) {
            throw new IllegalArgumentException("a concept change needs at least one episode");
        }
    }
}
