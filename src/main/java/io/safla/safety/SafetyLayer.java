package io.safla.safety;

/** One independent check. Implementations are stateless after construction and thread-safe. */
public interface SafetyLayer {

    /** Stable short name, used to select layers and label results. */
    String name();

    /** Evaluates the input; returns a new result and never modifies the input. */
    LayerResult evaluate(SafetyInput input);
}
