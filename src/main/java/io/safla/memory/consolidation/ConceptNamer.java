package io.safla.memory.consolidation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names a cluster after its most frequent informative words.
 *
 * <p>Words are lower-cased runs of letters and digits; informative ones have at least 3 characters, contain a
 * letter and are not in a small English stop list, which also holds the words for the agent and its
 * user: they occur in almost every episode an agent remembers, so they would name every cluster. Words are ranked by how many member texts contain them (so one
 * verbose text cannot name the cluster), then by total occurrences, then by first occurrence in the texts taken
 * in order; the top {@value #WORDS}, put back in first-occurrence order, form the name, so a cluster about
 * "specification gaming" is not called "gaming specification" or, alphabetically, "agent gaming". A cluster
 * with no informative word is named after its first episode id.
 */
final class ConceptNamer {

    static final int WORDS = 2;

    private static final Set<String> STOP = Set.of(
            "about",
            "after",
            "again",
            "agent",
            "agents",
            "all",
            "also",
            "and",
            "any",
            "are",
            "assistant",
            "user",
            "users",
            "because",
            "been",
            "before",
            "being",
            "but",
            "can",
            "could",
            "did",
            "does",
            "done",
            "each",
            "for",
            "from",
            "had",
            "has",
            "have",
            "how",
            "into",
            "its",
            "just",
            "less",
            "may",
            "might",
            "more",
            "most",
            "much",
            "new",
            "not",
            "now",
            "one",
            "only",
            "our",
            "out",
            "over",
            "per",
            "same",
            "should",
            "some",
            "than",
            "that",
            "the",
            "their",
            "them",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "three",
            "too",
            "two",
            "under",
            "use",
            "used",
            "using",
            "very",
            "via",
            "was",
            "were",
            "what",
            "when",
            "which",
            "while",
            "who",
            "why",
            "will",
            "with",
            "would",
            "yet",
            "you",
            "your");

    private ConceptNamer() {}

    /** Names texts given in a fixed order (episode id order); the order breaks ties, so it must not vary. */
    static String name(List<String> texts, String fallbackId) {
        // Per word: texts containing it, total occurrences, position of first occurrence.
        Map<String, int[]> stats = new HashMap<>();
        int position = 0;
        for (String text : texts) {
            Set<String> seen = new HashSet<>();
            for (String w : words(text)) {
                int at = position++;
                int[] s = stats.computeIfAbsent(w, k -> new int[] {0, 0, at});
                if (seen.add(w)) {
                    s[0]++;
                }
                s[1]++;
            }
        }
        if (stats.isEmpty()) {
            return "theme " + fallbackId;
        }
        List<String> ranked = new ArrayList<>(stats.keySet());
        ranked.sort(Comparator.<String>comparingInt(w -> -stats.get(w)[0])
                .thenComparingInt(w -> -stats.get(w)[1])
                .thenComparingInt(w -> stats.get(w)[2]));
        List<String> top = new ArrayList<>(ranked.subList(0, Math.min(WORDS, ranked.size())));
        top.sort(Comparator.comparingInt(w -> stats.get(w)[2]));
        return String.join(" ", top);
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3 && !STOP.contains(w) && w.chars().anyMatch(Character::isLetter)) {
                out.add(w);
            }
        }
        return out;
    }
}
