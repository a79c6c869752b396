package io.safla.ui.kit;

import io.safla.memory.SearchRequest;
import io.safla.safety.SafetyLevel;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One visitor's view preferences: how the dashboard looks and where its forms start. Unlike the engine settings they
 * change nothing another visitor sees, so they always work, even on a read-only public Space.
 *
 * @param theme light, dark, or whatever the visitor's system prefers
 * @param resultCount the k a Memory search starts with
 * @param threshold the minimum score a Memory search starts with
 * @param safetyLevel the level the Safety playground starts with
 * @param compact smaller sizes and spacing, so more fits on a screen
 */
public record ViewPreferences(Theme theme, int resultCount, double threshold, SafetyLevel safetyLevel, boolean compact)
        implements Serializable {

    public static final int MAX_RESULT_COUNT = SearchRequest.MAX_K;

    public enum Theme {
        SYSTEM,
        LIGHT,
        DARK;

        public String label() {
            return switch (this) {
                case SYSTEM -> "Same as my system";
                case LIGHT -> "Light";
                case DARK -> "Dark";
            };
        }
    }

    public ViewPreferences {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(safetyLevel, "safetyLevel");
        Map<String, String> problems = problems(resultCount, threshold);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid view preferences: " + problems);
        }
    }

    /**
     * Field name to message for every value out of range; empty when all are valid. Null stands for an empty field,
     * which is an error too.
     */
    public static Map<String, String> problems(@Nullable Integer resultCount, @Nullable Double threshold) {
        Map<String, String> problems = new TreeMap<>();
        if (resultCount == null || resultCount < 1 || resultCount > MAX_RESULT_COUNT) {
            problems.put("resultCount", "must be between 1 and " + MAX_RESULT_COUNT);
        }
        if (threshold == null || threshold.isNaN() || threshold < 0 || threshold > 1) {
            problems.put("threshold", "must be between 0 and 1");
        }
        return problems;
    }

    public ViewPreferences withTheme(Theme next) {
        return new ViewPreferences(next, resultCount, threshold, safetyLevel, compact);
    }
}
