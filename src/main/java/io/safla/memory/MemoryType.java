package io.safla.memory;

import java.util.Locale;

/** The four kinds of SAFLA memory; every item of each kind is also indexed for hybrid vector search. */
public enum MemoryType {
    /** Plain knowledge: facts and documents. */
    VECTOR,
    /** Time-stamped experiences. */
    EPISODIC,
    /** Concepts of the knowledge graph. */
    SEMANTIC,
    /** The bounded active context. */
    WORKING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code vector}, {@code Episodic}, ... ; throws with the allowed names otherwise. */
    public static MemoryType parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown memory type '" + text + "'; allowed: vector, episodic," + " semantic, working");
        }
    }
}
