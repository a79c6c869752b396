package io.safla.memory.corpus;

import io.safla.memory.semantic.Concept;
import io.safla.memory.semantic.Relation;
import io.safla.memory.semantic.RelationType;

/**
 * A relation between two corpus concepts.
 *
 * @param from any spelling of a concept name; normalised to its id
 * @param to likewise
 */
public record DemoRelation(String from, String to, RelationType type, double weight) {

    public DemoRelation {
        DemoChecks.text(from, "relation from");
        DemoChecks.text(to, "relation to");
        from = Concept.idFor(from);
        to = Concept.idFor(to);
        new Relation(from, to, type, weight);
    }

    public Relation relation() {
        return new Relation(from, to, type, weight);
    }
}
