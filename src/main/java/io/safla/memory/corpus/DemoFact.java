package io.safla.memory.corpus;

import io.safla.memory.episodic.Tags;
import java.util.Objects;
import java.util.Set;

/** A knowledge fact for the vector store. */
public record DemoFact(String id, String text, Set<String> tags, double importance) {

    public DemoFact {
        DemoChecks.text(id, "fact id");
        DemoChecks.text(text, "fact " + id + " text");
        tags = Tags.normalise(Objects.requireNonNull(tags, "tags"));
        DemoChecks.unit(importance, "fact " + id + " importance");
    }
}
