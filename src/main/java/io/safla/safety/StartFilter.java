package io.safla.safety;

import org.jspecify.annotations.Nullable;

/**
 * The positions at which a match of a rule's pattern can start, derived once from the regex source.
 *
 * <p>Why: {@link java.util.regex.Matcher#find()} tries the whole pattern at every position, and for
 * the typical rule ({@code \b(?:ignore|disregard|...)...}, case-insensitive) that means a word-boundary
 * test and a dozen case-insensitive literal comparisons per character. Most positions cannot start a
 * match at all, and a table look-up says so far more cheaply. {@link Rule#find} then runs the engine
 * anchored ({@code lookingAt}) only at the remaining candidates, in order, which yields exactly the
 * matches {@code find()} yields.
 *
 * <p>Implementation notes: the analysis is deliberately conservative. For every top-level branch it
 * takes the first consuming atom (a literal, a simple character class, {@code \s \d \w}, or a group,
 * recursively; an optional atom adds what may follow it), skipping zero-width lookbehinds and negative
 * lookaheads, and using a positive lookahead's own first set when there is one. Letters always get
 * both cases (ASCII case folding is the only one the rules use; non-ASCII characters are always
 * candidates, which also covers Unicode case folding). A leading {@code \b} adds an ASCII-only boundary test. Anything else ({@code .},
 * a starred first atom followed by nothing analysable, negated classes, anchors, back-references,
 * {@code \p{..}}) makes the filter {@link #ANY}, i.e. every position is a candidate and {@code find()}
 * is used as before. {@code StartFilterTest} compares both ways of matching over the labelled corpus.
 */
final class StartFilter {

    /** No restriction: every position may start a match. */
    static final StartFilter ANY = new StartFilter(null, null);

    /** ASCII characters that may start a match anywhere; null for {@link #ANY}. */
    private final boolean @Nullable [] anywhere;
    /** ASCII characters that may start a match only where {@code \b} holds. */
    private final boolean @Nullable [] atBoundary;

    private StartFilter(boolean @Nullable [] anywhere, boolean @Nullable [] atBoundary) {
        this.anywhere = anywhere;
        this.atBoundary = atBoundary;
    }

    /** Whether this filter excludes any position at all. */
    boolean restricts() {
        return anywhere != null;
    }

    /** The first candidate position at or after {@code from}, or -1 if none is left. */
    int next(CharSequence s, int from) {
        int n = s.length();
        boolean[] any = anywhere;
        boolean[] bound = atBoundary;
        if (any == null || bound == null) {
            return from <= n ? from : -1;
        }
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 128 || any[c] || bound[c] && boundary(s, i, c)) {
                return i;
            }
        }
        return -1;
    }

    /** False only if {@code \b} certainly fails between {@code s[i-1]} and {@code c} (both ASCII). */
    private static boolean boundary(CharSequence s, int i, char c) {
        if (i == 0) {
            return true;
        }
        char p = s.charAt(i - 1);
        return p >= 128 || asciiWord(p) != asciiWord(c);
    }

    private static boolean asciiWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** The filter for {@code regex}; {@link #ANY} when the analysis cannot bound the first character. */
    static StartFilter of(String regex) {
        try {
            Sets sets = alternation(regex, 0, regex.length());
            return sets == null ? ANY : new StartFilter(sets.anywhere, sets.atBoundary);
        } catch (RuntimeException unexpectedShape) {
            return ANY;
        }
    }

    /** First-character sets of a sequence or alternation; null means unconstrained. */
    private record Sets(boolean[] anywhere, boolean[] atBoundary) {
        static Sets of(boolean[] chars, boolean boundary) {
            return boundary ? new Sets(new boolean[128], chars) : new Sets(chars, new boolean[128]);
        }

        Sets union(Sets o) {
            boolean[] a = anywhere.clone();
            boolean[] b = atBoundary.clone();
            for (int c = 0; c < 128; c++) {
                a[c] |= o.anywhere[c];
                b[c] |= o.atBoundary[c];
            }
            return new Sets(a, b);
        }

        Sets allAtBoundary() {
            boolean[] b = atBoundary.clone();
            for (int c = 0; c < 128; c++) {
                b[c] |= anywhere[c];
            }
            return new Sets(new boolean[128], b);
        }
    }

    private static @Nullable Sets alternation(String r, int from, int to) {
        Sets out = null;
        int depth = 0;
        int branchStart = from;
        for (int i = from; i <= to; i++) {
            char c = i < to ? r.charAt(i) : '|';
            if (i < to && c == '\\') {
                i++;
            } else if (i < to && c == '[') {
                i = classEnd(r, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                Sets branch = sequence(r, branchStart, i);
                if (branch == null) {
                    return null;
                }
                out = out == null ? branch : out.union(branch);
                branchStart = i + 1;
            }
        }
        return out;
    }

    private static @Nullable Sets sequence(String r, int from, int to) {
        boolean boundary = false;
        int i = from;
        while (i < to) {
            char c = r.charAt(i);
            Sets atom;
            int atomEnd;
            if (c == '\\') {
                char e = r.charAt(i + 1);
                if (e == 'b') {
                    boundary = true;
                    i += 2;
                    continue;
                }
                boolean[] set = escapeSet(e);
                if (set == null) {
                    return null;
                }
                atom = Sets.of(set, false);
                atomEnd = i + 2;
            } else if (c == '[') {
                int end = classEnd(r, i);
                boolean[] set = classSet(r, i + 1, end);
                if (set == null) {
                    return null;
                }
                atom = Sets.of(set, false);
                atomEnd = end + 1;
            } else if (c == '(') {
                int close = groupEnd(r, i);
                if (r.startsWith("(?=", i)) {
                    Sets ahead = alternation(r, i + 3, close);
                    if (ahead != null) {
                        return boundary ? ahead.allAtBoundary() : ahead;
                    }
                    i = close + 1;
                    continue;
                }
                if (r.startsWith("(?!", i) || r.startsWith("(?<=", i) || r.startsWith("(?<!", i)) {
                    i = close + 1;
                    continue;
                }
                int body = groupBody(r, i, close);
                if (body < 0) {
                    i = close + 1; // inline flags such as (?i): zero width
                    continue;
                }
                atom = alternation(r, body, close);
                if (atom == null) {
                    return null;
                }
                atomEnd = close + 1;
            } else if ("^$.|)?*+{".indexOf(c) >= 0) {
                return null;
            } else {
                boolean[] set = new boolean[128];
                addChar(set, c);
                atom = Sets.of(set, false);
                atomEnd = i + 1;
            }
            if (optional(r, atomEnd, to)) {
                // The atom may be skipped, so a match may also start with whatever follows it.
                Sets rest = sequence(r, quantifierEnd(r, atomEnd), to);
                if (rest == null) {
                    return null;
                }
                atom = atom.union(rest);
            }
            return boundary ? atom.allAtBoundary() : atom;
        }
        return null; // empty: may match the empty string anywhere
    }

    /** True if the atom ending before {@code i} may repeat zero times. */
    private static boolean optional(String r, int i, int to) {
        if (i >= to) {
            return false;
        }
        char q = r.charAt(i);
        return q == '?' || q == '*' || q == '{' && i + 1 < to && r.charAt(i + 1) == '0';
    }

    /** Index just after the quantifier starting at {@code i}, including a lazy or possessive suffix. */
    private static int quantifierEnd(String r, int i) {
        int end = r.charAt(i) == '{' ? r.indexOf('}', i) + 1 : i + 1;
        if (end == 0) {
            throw new IllegalArgumentException("unclosed quantifier");
        }
        return end < r.length() && (r.charAt(end) == '?' || r.charAt(end) == '+') ? end + 1 : end;
    }

    /** Start of a group's body, or -1 for a flags-only group like {@code (?i)}. */
    private static int groupBody(String r, int open, int close) {
        if (r.charAt(open + 1) != '?') {
            return open + 1;
        }
        if (r.startsWith("(?:", open)) {
            return open + 3;
        }
        if (r.startsWith("(?<", open)) {
            int gt = r.indexOf('>', open);
            if (gt < 0 || gt > close) {
                throw new IllegalArgumentException("named group");
            }
            return gt + 1;
        }
        for (int i = open + 2; i < close; i++) {
            char c = r.charAt(i);
            if (c == ':') {
                return i + 1;
            }
            if (!Character.isLetter(c) && c != '-') {
                throw new IllegalArgumentException("unknown group kind");
            }
        }
        return -1;
    }

    private static int groupEnd(String r, int open) {
        int depth = 0;
        for (int i = open; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(r, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced group");
    }

    /** Index of the {@code ]} closing the class opened at {@code open}. */
    private static int classEnd(String r, int open) {
        int depth = 0;
        for (int i = open; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed class");
    }

    private static boolean @Nullable [] classSet(String r, int from, int to) {
        if (from >= to || r.charAt(from) == '^' || r.charAt(from) == ']') {
            return null;
        }
        boolean[] set = new boolean[128];
        for (int i = from; i < to; i++) {
            char c = r.charAt(i);
            if (c == '[' || c == '&' && i + 1 < to && r.charAt(i + 1) == '&') {
                return null; // nested classes and intersections
            }
            char lo;
            if (c == '\\') {
                char e = r.charAt(++i);
                if (Character.isLetterOrDigit(e)) {
                    boolean[] s = escapeSet(e);
                    if (s == null) {
                        return null;
                    }
                    for (int k = 0; k < 128; k++) {
                        set[k] |= s[k];
                    }
                    continue;
                }
                lo = e;
            } else {
                lo = c;
            }
            if (i + 2 < to && r.charAt(i + 1) == '-') {
                char hi = r.charAt(i + 2);
                if (hi == '\\' || hi == '[') {
                    return null;
                }
                for (int k = lo; k <= Math.min(hi, 127); k++) {
                    addChar(set, (char) k);
                }
                i += 2;
            } else {
                addChar(set, lo);
            }
        }
        return set;
    }

    private static boolean @Nullable [] escapeSet(char e) {
        boolean[] set = new boolean[128];
        switch (e) {
            case 's' -> {
                for (char c : new char[] {' ', '\t', '\n', 0x0B, '\f', '\r'}) {
                    set[c] = true;
                }
            }
            case 'd' -> addRange(set, '0', '9');
            case 'w' -> {
                addRange(set, 'a', 'z');
                addRange(set, 'A', 'Z');
                addRange(set, '0', '9');
                set['_'] = true;
            }
            case 't' -> set['\t'] = true;
            case 'n' -> set['\n'] = true;
            case 'r' -> set['\r'] = true;
            case 'f' -> set['\f'] = true;
            default -> {
                if (Character.isLetterOrDigit(e) || e >= 128) {
                    return null; // \p{..}, hex and unicode escapes, back-references, \S, \W, \D and the like
                }
                set[e] = true;
            }
        }
        return set;
    }

    private static void addRange(boolean[] set, char lo, char hi) {
        for (int c = lo; c <= hi; c++) {
            set[c] = true;
        }
    }

    private static void addChar(boolean[] set, char c) {
        if (c >= 128) {
            return; // non-ASCII text characters are always candidates
        }
        set[c] = true;
        set[Character.toLowerCase(c)] = true;
        set[Character.toUpperCase(c)] = true;
    }
}
