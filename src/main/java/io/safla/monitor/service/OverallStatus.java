package io.safla.monitor.service;

import org.springframework.boot.actuate.health.Status;

/** What the header badge shows: Actuator's status folded into three values a visitor understands. */
public enum OverallStatus {
    UP, DEGRADED, DOWN;

    static OverallStatus of(Status status) {
        if (Status.UP.equals(status)) {
            return UP;
        }
        if (Status.DOWN.equals(status) || Status.OUT_OF_SERVICE.equals(status)) {
            return DOWN;
        }
        return DEGRADED;
    }
}
