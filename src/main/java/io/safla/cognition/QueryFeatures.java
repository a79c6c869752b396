package io.safla.cognition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the bandit knows about a query before it searches: a short fixed-length vector (a constant, length, question
 * form, whether it names identifiers, numbers, time or importance cues, quotes). These are the contexts that decide
 * which strategy works: identifiers favour lexical matching, "latest" favours recency, plain questions favour the
 * embedding.
 *
 * @param vector the features, in the order of {@link #NAMES}
 */
public record QueryFeatures(String query, double[] vector) {

    /** Feature names, in vector order. */
    public static final List<String> NAMES =
            List.of("bias", "length", "question", "identifier", "number", "recency-cue", "importance-cue", "quoted");

    public static final int DIMENSION = 8;

    private static final Set<String> QUESTION_WORDS = Set.of(
            "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "is", "are", "does", "do", "did",
            "can", "should", "was", "were");
    private static final Set<String> RECENCY_WORDS = Set.of(
            "latest",
            "current",
            "currently",
            "recent",
            "recently",
            "now",
            "newest",
            "today",
            "last",
            "still",
            "yet",
            "most-recent");
    private static final Set<String> IMPORTANCE_WORDS =
            Set.of("important", "critical", "key", "crucial", "must", "priority", "essential", "vital", "major");
    // mixed letters and digits (E4012, v2, sha256) or a compound with a digit (db-prod-07, OPS-1432, 2.14.3)
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?=.*\\p{L})(?=.*\\p{N})[\\p{L}\\p{N}]+(?:[._:/-][\\p{L}\\p{N}]+)*|\\p{N}+(?:[._:/-]\\p{N}+)+"
                    + "|[A-Z][A-Z0-9]*_[A-Z0-9_]+");
    private static final Pattern NUMBER = Pattern.compile("\\p{N}+");

    public QueryFeatures {
        if (vector.length != DIMENSION) {
            throw new IllegalArgumentException("expected " + DIMENSION + " features, got " + vector.length);
        }
        vector = vector.clone();
    }

    @Override
    public double[] vector() {
        return vector.clone();
    }

    public static QueryFeatures of(String query) {
        String trimmed = query.strip();
        String[] raw = trimmed.split("[\\s,;!?()\\[\\]]+");
        List<String> words = new ArrayList<>();
        for (String w : raw) {
            String clean = w.replaceAll("^[\"'`]+|[\"'`.:]+$", "");
            if (!clean.isEmpty()) {
                words.add(clean);
            }
        }
        double[] v = new double[DIMENSION];
        v[0] = 1;
        v[1] = Math.min(words.size(), 20) / 20.0;
        String first = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
        v[2] = trimmed.endsWith("?") || QUESTION_WORDS.contains(first) ? 1 : 0;
        for (String w : words) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (IDENTIFIER.matcher(w).matches()) {
                v[3] = 1;
            } else if (NUMBER.matcher(w).matches()) {
                v[4] = 1;
            }
            if (RECENCY_WORDS.contains(lower)) {
                v[5] = 1;
            }
            if (IMPORTANCE_WORDS.contains(lower)) {
                v[6] = 1;
            }
        }
        v[7] = trimmed.matches(".*[\"`'].+[\"`'].*") ? 1 : 0;
        return new QueryFeatures(query, v);
    }

    /** The names of the features that are on, e.g. {@code [question, identifier]}, for logs and the UI. */
    public List<String> activeNames() {
        List<String> on = new ArrayList<>();
        for (int i = 1; i < DIMENSION; i++) {
            if (vector[i] > 0 && i != 1) {
                on.add(NAMES.get(i));
            }
        }
        return on;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryFeatures other && query.equals(other.query) && Arrays.equals(vector, other.vector);
    }

    @Override
    public int hashCode() {
        return 31 * query.hashCode() + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "QueryFeatures[" + query + ", " + Arrays.toString(vector) + "]";
    }
}
