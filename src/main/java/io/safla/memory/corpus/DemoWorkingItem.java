package io.safla.memory.corpus;

import io.safla.memory.episodic.Tags;
import java.util.Objects;
import java.util.Set;

/** Something the agent is attending to at load time. */
public record DemoWorkingItem(String text, double attention, Set<String> tags) {

    public DemoWorkingItem {
        DemoChecks.text(text, "working item text");
        DemoChecks.unit(attention, "working item attention");
        tags = Tags.normalise(Objects.requireNonNull(tags, "tags"));
    }
}
