package io.safla.monitor;

import java.util.Objects;

/**
 * One component in the health panel.
 *
 * @param name e.g. {@code performance}
 * @param level its health
 * @param detail one plain sentence: why it is not UP, or what it measured
 */
public record ComponentHealth(String name, HealthLevel level, String detail) {

    public ComponentHealth {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(detail, "detail");
    }
}
