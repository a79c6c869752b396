package io.safla.safety;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A labelled text the semantic layer compares inputs against.
 *
 * @param text the exemplar text
 * @param category the attack category, or null for a benign exemplar
 */
public record Exemplar(String text, @Nullable Category category) {

    public Exemplar {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("exemplar text is blank");
        }
    }

    public static Exemplar attack(Category c, String text) {
        return new Exemplar(text, Objects.requireNonNull(c, "category"));
    }

    public static Exemplar benign(String text) {
        return new Exemplar(text, null);
    }

    public boolean isAttack() {
        return category != null;
    }
}
