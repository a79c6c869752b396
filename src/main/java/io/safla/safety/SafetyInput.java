package io.safla.safety;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything a layer may look at.
 *
 * @param text the text to validate, as received
 * @param level strictness
 * @param context earlier messages of the same conversation, oldest first
 * @param metrics system metrics snapshot for constraint checks, or null if none was supplied
 * @param source who sent the text (session, user); used by adaptive boundaries
 */
public record SafetyInput(
        String text,
        SafetyLevel level,
        List<String> context,
        @Nullable Map<String, Double> metrics,
        String source) {

    public static final String ANONYMOUS = "anonymous";

    public SafetyInput {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
        context = List.copyOf(context);
        metrics = metrics == null ? null : Map.copyOf(metrics);
    }

    public static SafetyInput of(String text, SafetyLevel level) {
        return new SafetyInput(text, level, List.of(), null, ANONYMOUS);
    }

    public static SafetyInput of(String text, SafetyLevel level, List<String> context) {
        return new SafetyInput(text, level, context, null, ANONYMOUS);
    }
}
