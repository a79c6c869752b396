package io.safla.safety;

/** Overall outcome of a validation, ordered from best to worst. */
public enum Verdict {
    SAFE,
    WARNING,
    UNSAFE
}
