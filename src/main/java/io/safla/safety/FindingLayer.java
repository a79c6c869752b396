package io.safla.safety;

import java.util.List;

/**
 * A layer whose result is what it finds: subclasses say what they find in an input, this class names the result
 * and times it, the same way for every layer.
 */
public abstract class FindingLayer implements SafetyLayer {

    private final String name;

    protected FindingLayer(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final LayerResult evaluate(SafetyInput input) {
        long t0 = System.nanoTime();
        List<Finding> findings = find(input);
        return LayerResult.of(name, findings, RuleEngine.micros(t0));
    }

    /** The findings for this input at its level; returns a new list and never modifies the input. */
    protected abstract List<Finding> find(SafetyInput input);
}
