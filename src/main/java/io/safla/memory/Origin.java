package io.safla.memory;

import java.util.Locale;

/**
 * Who a write comes from, and so who owns what it stored. On a public deployment visitors may add memories but may
 * not delete, overwrite or import; their items live in a bounded share of the capacity and are the only ones evicted
 * to make room for a visitor (docs/deployment.md, "What visitors may change").
 */
public enum Origin {
    /** The operator (token verified or unlocked), the demo seed, or anyone off a public deployment. */
    OPERATOR,
    /** An anonymous visitor of a public deployment. */
    VISITOR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code null} or an unknown label is the operator: files written before ownership was recorded hold only theirs. */
    public static Origin parse(String label) {
        return "visitor".equalsIgnoreCase(label) ? VISITOR : OPERATOR;
    }
}
