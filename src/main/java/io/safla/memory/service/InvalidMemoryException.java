package io.safla.memory.service;

import io.safla.memory.MemoryRules;
import java.util.List;

/** A memory broke {@link MemoryRules}; nothing was stored. */
public class InvalidMemoryException extends IllegalArgumentException {

    private final List<MemoryRules.Problem> problems;

    public InvalidMemoryException(List<MemoryRules.Problem> problems) {
        super("Not stored: "
                + String.join("; ", problems.stream().map(Object::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<MemoryRules.Problem> problems() {
        return problems;
    }
}
