package io.safla.memory.semantic;

import java.util.Locale;
import java.util.Objects;

/**
 * A node of the semantic graph.
 *
 * @param id {@link #idFor(String)} of the name, so one idea has one node however it is capitalised or punctuated
 * @param name display name, as first given
 * @param description may be empty
 * @param importance in [0, 1]
 */
public record Concept(String id, String name, String description, double importance) {

    public Concept {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be null or blank");
        }
        Objects.requireNonNull(description, "description");
        if (id == null || !id.equals(idFor(name))) {
            throw new IllegalArgumentException("id " + id + " does not match name '" + name + "'");
        }
        if (!(importance >= 0 && importance <= 1)) {
            throw new IllegalArgumentException("importance must be in [0, 1], got " + importance);
        }
        name = name.strip();
    }

    public static Concept of(String name, String description, double importance) {
        return new Concept(idFor(name), name, description, importance);
    }

    /**
     * Normalised name used as id: lower case, each run of characters that are not letters or digits replaced by
     * one {@code -}, no leading or trailing {@code -}. "Attention Mechanism", "attention-mechanism" and
     * " attention  mechanism!" all give {@code attention-mechanism}.
     *
     * @throws IllegalArgumentException if the name has no letter or digit
     */
    public static String idFor(String name) {
        StringBuilder sb = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && sb.length() > 0) {
                    sb.append('-');
                }
                sb.appendCodePoint(cp);
                gap = false;
            } else {
                gap = true;
            }
            i += Character.charCount(cp);
        }
        if (sb.length() == 0) {
            throw new IllegalArgumentException("name has no letter or digit: '" + name + "'");
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
