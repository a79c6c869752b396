package io.safla.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/** Runs pattern rules over the original text and its decoded view and maps spans back. */
final class RuleEngine {

    /** A runaway input must not produce thousands of findings for one rule. */
    static final int MAX_MATCHES_PER_RULE = 8;

    private RuleEngine() {}

    static List<Finding> scan(String layer, List<Rule> rules, DecodedText decoded, SafetyLevel level) {
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String original = decoded.original();
        String originalLower = original.toLowerCase(Locale.ROOT);
        String decodedLower = decoded.changed() ? decoded.text().toLowerCase(Locale.ROOT) : originalLower;
        for (Rule rule : rules) {
            if (!rule.runsAt(level)) {
                continue;
            }
            if (rule.mayMatch(originalLower)) {
                scanView(layer, rule, original, null, seen, out);
            }
            if (decoded.changed() && rule.mayMatch(decodedLower)) {
                scanView(layer, rule, decoded.text(), decoded, seen, out);
            }
        }
        out.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::ruleId));
        return out;
    }

    private static void scanView(
            String layer, Rule rule, String view, DecodedText mapping, Set<String> seen, List<Finding> out) {
        Matcher m = rule.matcher(view);
        int count = 0;
        for (int from = 0; count < MAX_MATCHES_PER_RULE && rule.find(m, view, from); from = Rule.after(m)) {
            if (!rule.check().test(m)) {
                continue;
            }
            int start = mapping == null ? m.start() : mapping.originalStart(m.start(), m.end());
            int end = mapping == null ? m.end() : mapping.originalEnd(m.start(), m.end());
            if (!seen.add(rule.id() + ':' + start + ':' + end)) {
                continue;
            }
            count++;
            String message = mapping == null ? rule.message() : rule.message() + " (after decoding)";
            out.add(new Finding(
                    layer,
                    rule.id(),
                    rule.category(),
                    rule.severity(),
                    message,
                    start,
                    end,
                    rule.blocking(),
                    rule.confidence()));
        }
    }

    /**
     * Microseconds since {@code startNanos}. Latency is a measurement reported to the caller, never
     * an input to a decision, so it reads the monotonic timer rather than the injected clock.
     */
    static long micros(long startNanos) {
        return Math.max(0, (System.nanoTime() - startNanos) / 1000);
    }
}
