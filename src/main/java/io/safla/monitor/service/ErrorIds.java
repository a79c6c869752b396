package io.safla.monitor.service;

import java.util.UUID;

/** Short ids that tie what a visitor sees to one line in the log. */
public final class ErrorIds {

    private ErrorIds() {}

    public static String next() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
