package io.safla.memory.corpus;

final class DemoChecks {

    private DemoChecks() {}

    static void text(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be null or blank");
        }
    }

    static void unit(double v, String what) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + v);
        }
    }
}
