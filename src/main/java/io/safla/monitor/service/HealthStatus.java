package io.safla.monitor.service;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One reading of the app's Actuator health.
 *
 * @param overall the worst of the components
 * @param components each health indicator's status code, e.g. {@code diskSpace -> UP}
 * @param sampledAt when the reading was taken
 */
public record HealthStatus(OverallStatus overall, Map<String, String> components, Instant sampledAt) {

    public HealthStatus {
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(sampledAt, "sampledAt");
        components = Map.copyOf(components);
    }
}
