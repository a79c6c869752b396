package io.safla.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The limits every stored memory must meet, whichever door it comes through (the add API, an import, the Browse
 * form, later MCP): the text is not blank, at most {@link #MAX_TEXT_LENGTH} characters and passes the stored-text
 * filter ({@link SafeText}); at most {@link #MAX_TAGS} tags of at most {@link #MAX_TAG_LENGTH} characters; at most
 * {@link #MAX_METADATA} metadata entries, keys at most {@link #MAX_METADATA_KEY_LENGTH} and values at most
 * {@link #MAX_METADATA_VALUE_LENGTH} characters. One rule set: the add API and imports report its problems under the
 * same field names.
 */
public final class MemoryRules {

    public static final int MAX_TEXT_LENGTH = MemoryEngine.MAX_TEXT_LENGTH;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_LENGTH = 64;
    public static final int MAX_METADATA = 20;
    public static final int MAX_METADATA_KEY_LENGTH = 64;
    public static final int MAX_METADATA_VALUE_LENGTH = 500;

    private MemoryRules() {}

    /** One broken rule: the field as the add API names it, and what is wrong. */
    public record Problem(String field, String message) {

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    /** The problems of one memory; empty when it may be stored. */
    public static List<Problem> check(NewMemory memory) {
        List<Problem> problems = new ArrayList<>();
        String text = memory.text();
        if (text == null || text.isBlank()) {
            problems.add(new Problem("text", "must not be blank"));
        } else if (text.length() > MAX_TEXT_LENGTH) {
            problems.add(new Problem("text", "must be at most " + MAX_TEXT_LENGTH + " characters"));
        } else if (!SafeText.Validator.isSafe(text)) {
            problems.add(new Problem("text", SafeText.MESSAGE));
        }
        if (memory.tags().size() > MAX_TAGS) {
            problems.add(new Problem("tags", "at most " + MAX_TAGS + " tags"));
        }
        for (String tag : memory.tags()) {
            if (tag == null || tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
                problems.add(new Problem("tags", "each tag must be 1-" + MAX_TAG_LENGTH + " characters"));
                break;
            }
        }
        if (memory.metadata().size() > MAX_METADATA) {
            problems.add(new Problem("metadata", "at most " + MAX_METADATA + " entries"));
        }
        for (Map.Entry<String, String> e : memory.metadata().entrySet()) {
            if (e.getKey().isBlank() || e.getKey().length() > MAX_METADATA_KEY_LENGTH) {
                problems.add(new Problem("metadata", "each key must be 1-" + MAX_METADATA_KEY_LENGTH + " characters"));
                break;
            }
            if (e.getValue() != null && e.getValue().length() > MAX_METADATA_VALUE_LENGTH) {
                problems.add(new Problem(
                        "metadata", "each value must be at most " + MAX_METADATA_VALUE_LENGTH + " characters"));
                break;
            }
        }
        return problems;
    }
}
