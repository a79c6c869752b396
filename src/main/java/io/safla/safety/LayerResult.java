package io.safla.safety;

import java.util.List;
import java.util.Objects;

/**
 * Outcome of one layer on one input.
 *
 * @param name layer name
 * @param passed true if the layer found nothing blocking and its score is acceptable
 * @param score layer safety score in [0, 1], 1 = nothing found
 * @param findings what it found, in text order
 * @param latencyMicros wall time the layer took
 */
public record LayerResult(String name, boolean passed, double score, List<Finding> findings, long latencyMicros) {

    public LayerResult {
        Objects.requireNonNull(name, "name");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        }
        if (latencyMicros < 0) {
            throw new IllegalArgumentException("latencyMicros must be >= 0");
        }
        findings = List.copyOf(findings);
    }

    /** Builds a result whose score and pass flag follow from the findings alone. */
    public static LayerResult of(String name, List<Finding> findings, long latencyMicros) {
        double risk = Scoring.noisyOr(findings);
        boolean blocking = findings.stream().anyMatch(Finding::blocking);
        return new LayerResult(name, !blocking && risk < 0.5, 1.0 - risk, findings, latencyMicros);
    }
}
