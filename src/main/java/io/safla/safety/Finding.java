package io.safla.safety;

import java.util.Objects;

/**
 * One thing a layer found. The span {@code [start, end)} indexes the original input text, even when
 * the match was made on a decoded view of it; findings that are not about the text (constraints)
 * use the empty span {@code [0, 0)}.
 *
 * @param layer name of the layer that reported it
 * @param ruleId stable identifier of the rule, e.g. {@code sql.union_select}
 * @param category risk category
 * @param severity how bad it is
 * @param message human-readable explanation
 * @param start inclusive start offset into the original text
 * @param end exclusive end offset into the original text
 * @param blocking true if this finding alone must prevent approval
 * @param confidence how sure the rule is, in [0, 1]; scales the severity's weight in scoring
 */
public record Finding(
        String layer,
        String ruleId,
        Category category,
        Severity severity,
        String message,
        int start,
        int end,
        boolean blocking,
        double confidence) {

    public Finding {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
    }

    /** Contribution of this finding to its category risk. */
    public double weight() {
        return severity.weight() * confidence;
    }

    /** The matched text, or "" for span-less findings. */
    public String excerpt(String original) {
        return original.substring(Math.min(start, original.length()), Math.min(end, original.length()));
    }
}
