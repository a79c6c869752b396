package io.safla.config;

import java.util.List;

/** Start-up stops with this when a variable or profile value is malformed or out of range. */
public final class InvalidConfigurationException extends RuntimeException {

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One self-contained line per problem, naming the variable (or profile key) and what is allowed. */
    public List<String> problems() {
        return problems;
    }
}
