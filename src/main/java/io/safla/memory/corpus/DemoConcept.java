package io.safla.memory.corpus;

import io.safla.memory.semantic.Concept;

/** A hand-made concept for the semantic graph; its id is derived from the name. */
public record DemoConcept(String name, String description, double importance) {

    public DemoConcept {
        DemoChecks.text(name, "concept name");
        DemoChecks.text(description, "concept " + name + " description");
        DemoChecks.unit(importance, "concept " + name + " importance");
        Concept.idFor(name);
    }

    public String id() {
        return Concept.idFor(name);
    }
}
