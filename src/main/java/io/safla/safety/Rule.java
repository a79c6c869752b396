package io.safla.safety;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern rule. It runs at {@code minLevel} and every stricter level, which is what makes level
 * gating monotonic.
 *
 * @param id stable rule id, e.g. {@code xss.script_tag}
 * @param category category of its findings
 * @param severity severity of its findings
 * @param minLevel loosest level at which the rule runs
 * @param blocking whether a match alone forbids approval
 * @param confidence confidence of a match, in (0, 1]
 * @param message what a match means
 * @param pattern compiled pattern
 * @param check extra validation of a match (checksums, value ranges); must be pure
 * @param literals lower-case strings of which at least one occurs in any text the pattern can match;
 *     empty if there is no such set. A cheap {@code indexOf} prefilter that skips most regexes on most
 *     inputs ({@code RulePrefilterTest} checks the claim over the corpus).
 * @param start where a match can start, derived from the regex; lets {@link #find} skip positions the
 *     engine would try in vain ({@code StartFilterTest} checks it changes no match over the corpus)
 */
public record Rule(
        String id,
        Category category,
        Severity severity,
        SafetyLevel minLevel,
        boolean blocking,
        double confidence,
        String message,
        Pattern pattern,
        Predicate<Matcher> check,
        List<String> literals,
        StartFilter start) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(minLevel, "minLevel");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(start, "start");
        literals = List.copyOf(literals);
        for (String l : literals) {
            if (l.isEmpty() || !l.equals(l.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(id + ": literals must be non-empty lower case: " + l);
            }
        }
        if (!(confidence > 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in (0, 1]: " + confidence);
        }
    }

    /** True if this rule runs at {@code level}. */
    public boolean runsAt(SafetyLevel level) {
        return level.atLeast(minLevel);
    }

    /** False if the pattern cannot match {@code lowerCaseText} because none of its literals occurs. */
    public boolean mayMatch(String lowerCaseText) {
        if (literals.isEmpty()) {
            return true;
        }
        for (String l : literals) {
            if (lowerCaseText.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A matcher over {@code text} for {@link #find}: transparent bounds so that look-behinds and
     * {@code \b} still see the characters before a candidate position.
     */
    public Matcher matcher(CharSequence text) {
        return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /**
     * The next match at or after {@code from} in the text of {@code m} (made by {@link #matcher}),
     * the same match {@code m.find(from)} would give: the engine is only started, anchored, at the
     * positions the start filter lets through, in order.
     */
    public boolean find(Matcher m, CharSequence text, int from) {
        int n = text.length();
        if (!start.restricts()) {
            return from <= n && m.find(from);
        }
        for (int i = start.next(text, from); i >= 0; i = start.next(text, i + 1)) {
            m.region(i, n);
            if (m.lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** Where the search continues after the current match of {@code m}, as {@code find()} would. */
    public static int after(Matcher m) {
        return m.end() == m.start() ? m.end() + 1 : m.end();
    }

    /** Starts a rule definition; patterns are compiled case-insensitive. */
    public static Builder of(String id, Category category, Severity severity, String regex) {
        return new Builder(id, category, severity, regex);
    }

    /** Fluent construction keeps long rule tables readable. */
    public static final class Builder {
        private final String id;
        private final Category category;
        private final Severity severity;
        private final String regex;
        private SafetyLevel minLevel = SafetyLevel.PERMISSIVE;
        private boolean blocking;
        private double confidence = 0.9;
        private String message;
        private Predicate<Matcher> check = m -> true;
        private int flags = Pattern.CASE_INSENSITIVE;
        private List<String> literals = List.of();

        private Builder(String id, Category category, Severity severity, String regex) {
            this.id = id;
            this.category = category;
            this.severity = severity;
            this.regex = regex;
            this.message = id;
        }

        public Builder from(SafetyLevel level) {
            this.minLevel = level;
            return this;
        }

        public Builder blocking() {
            this.blocking = true;
            return this;
        }

        public Builder confidence(double c) {
            this.confidence = c;
            return this;
        }

        public Builder message(String m) {
            this.message = m;
            return this;
        }

        public Builder check(Predicate<Matcher> c) {
            this.check = c;
            return this;
        }

        public Builder needs(String... anyOf) {
            this.literals = List.of(anyOf);
            return this;
        }

        public Builder caseSensitive() {
            this.flags &= ~Pattern.CASE_INSENSITIVE;
            return this;
        }

        public Rule build() {
            String hinted = withFirstCharHint(regex);
            return new Rule(
                    id,
                    category,
                    severity,
                    minLevel,
                    blocking,
                    confidence,
                    message,
                    Pattern.compile(hinted, flags),
                    check,
                    literals,
                    StartFilter.of(hinted));
        }
    }

    /**
     * For a pattern of the form {@code \b(?:alt1|alt2|...)...} whose every top-level branch starts
     * with a plain, unquantified letter, inserts {@code (?=[first letters])} after the {@code \b}.
     * The lookahead is implied by the alternation, so matches are unchanged, but Java's engine no
     * longer tries every branch at every word boundary (about 30% of the time of the prompt rules,
     * which open with 20-30 verbs). Any other shape is returned unchanged.
     */
    static String withFirstCharHint(String regex) {
        String head = "\\b(?:";
        if (!regex.startsWith(head)) {
            return regex;
        }
        StringBuilder firsts = new StringBuilder();
        int depth = 0;
        boolean branchStart = true;
        int i = head.length();
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (branchStart && depth == 0) {
                char next = i + 1 < regex.length() ? regex.charAt(i + 1) : ')';
                if (!Character.isLetter(c) || c > 'z' || next == '?' || next == '*' || next == '{') {
                    return regex;
                }
                firsts.append(Character.toLowerCase(c)).append(Character.toUpperCase(c));
                branchStart = false;
            }
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int close = regex.indexOf(']', i + 2);
                if (close < 0) {
                    return regex;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == '|' && depth == 0) {
                branchStart = true;
            }
        }
        char after = i + 1 < regex.length() ? regex.charAt(i + 1) : ' ';
        if (i >= regex.length() || after == '?' || after == '*' || after == '{') {
            return regex;
        }
        return "\\b(?=[" + firsts + "])" + regex.substring(2);
    }
}
