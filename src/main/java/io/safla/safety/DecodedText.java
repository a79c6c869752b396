package io.safla.safety;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * A decoded view of an input text that remembers, for every decoded character, which span of the
 * original produced it, so a match found after decoding can be reported at its original position.
 *
 * <p>Implementation notes: one pass decodes HTML entities (named, decimal, hex; the trailing
 * semicolon is optional because browsers accept it missing), percent escapes ({@code %3C} and
 * {@code %u003C}), backslash escapes ({@code \u003c}, {@code \x3c}), folds full-width ASCII to ASCII
 * and drops zero-width and soft-hyphen characters. {@link #of} repeats the pass until nothing
 * changes (at most {@value #MAX_PASSES} times) because attackers double-encode ({@code %253C}).
 * Spans compose across passes: a character of pass 2 maps to the union of the original spans of
 * the pass-1 characters it came from.
 */
public final class DecodedText {

    static final int MAX_PASSES = 3;

    private static final Map<String, Character> NAMED = Map.ofEntries(
            Map.entry("lt", '<'),
            Map.entry("gt", '>'),
            Map.entry("quot", '"'),
            Map.entry("apos", '\''),
            Map.entry("amp", '&'),
            Map.entry("colon", ':'),
            Map.entry("sol", '/'),
            Map.entry("lpar", '('),
            Map.entry("rpar", ')'),
            Map.entry("tab", '\t'),
            Map.entry("newline", '\n'),
            Map.entry("nbsp", ' '),
            Map.entry("semi", ';'),
            Map.entry("equals", '='),
            Map.entry("period", '.'),
            Map.entry("bsol", '\\'),
            Map.entry("grave", '`'),
            Map.entry("excl", '!'),
            Map.entry("num", '#'),
            Map.entry("percnt", '%'));

    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;

    private DecodedText(String original, String text, int[] starts, int[] ends) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /** Decodes {@code original} to a fixpoint; returns a view whose {@link #text()} may equal the original. */
    public static DecodedText of(String original) {
        int n = original.length();
        int[] s = new int[n];
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
            e[i] = i + 1;
        }
        DecodedText current = new DecodedText(original, original, s, e);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            DecodedText next = current.decodeOnce();
            if (next.text.equals(current.text)) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** The original text this view was decoded from. */
    public String original() {
        return original;
    }

    /** The decoded text. */
    public String text() {
        return text;
    }

    /** True if decoding changed anything. */
    public boolean changed() {
        return !text.equals(original);
    }

    /** Original start offset of the decoded range {@code [start, end)}. */
    public int originalStart(int start, int end) {
        if (text.isEmpty()) {
            return 0;
        }
        return start < starts.length ? starts[start] : original.length();
    }

    /** Original end offset (exclusive) of the decoded range {@code [start, end)}. */
    public int originalEnd(int start, int end) {
        if (end <= start) {
            return originalStart(start, end);
        }
        return ends[end - 1];
    }

    private DecodedText decodeOnce() {
        String t = text;
        int n = t.length();
        StringBuilder out = new StringBuilder(n);
        int[] ns = new int[n];
        int[] ne = new int[n];
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            int consumed = 0;
            int decoded = -1;
            if (c == '&') {
                long r = entity(t, i);
                decoded = (int) (r >>> 32);
                consumed = (int) r;
            } else if (c == '%') {
                long r = percent(t, i);
                decoded = (int) (r >>> 32);
                consumed = (int) r;
            } else if (c == '\\') {
                long r = backslash(t, i);
                decoded = (int) (r >>> 32);
                consumed = (int) r;
            } else if (isInvisible(c)) {
                i++;
                continue;
            } else if (c >= '\uFF01' && c <= '\uFF5E') {
                decoded = c - 0xFEE0;
                consumed = 1;
            }
            if (consumed == 0) {
                decoded = c;
                consumed = 1;
            }
            int k = out.length();
            out.append((char) decoded);
            ns[k] = starts[i];
            ne[k] = ends[i + consumed - 1];
            i += consumed;
        }
        int len = out.length();
        return new DecodedText(original, out.toString(), Arrays.copyOf(ns, len), Arrays.copyOf(ne, len));
    }

    /** Zero-width space/joiners, word joiner, BOM and soft hyphen: invisible, used to split keywords. */
    static boolean isInvisible(char c) {
        return (c >= '\u200B' && c <= '\u200F')
                || c == '\u2060'
                || c == '\uFEFF'
                || c == '\u00AD'
                || c == '\u180E'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2061' && c <= '\u2064');
    }

    // The helpers return (decodedChar << 32) | consumedLength, or 0 when nothing was decoded.

    private static long entity(String t, int i) {
        int n = t.length();
        int j = i + 1;
        if (j < n && t.charAt(j) == '#') {
            j++;
            boolean hex = j < n && (t.charAt(j) == 'x' || t.charAt(j) == 'X');
            if (hex) {
                j++;
            }
            int startDigits = j;
            int value = 0;
            while (j < n && j - startDigits < 7 && digit(t.charAt(j), hex ? 16 : 10) >= 0) {
                value = value * (hex ? 16 : 10) + digit(t.charAt(j), hex ? 16 : 10);
                j++;
            }
            if (j == startDigits || value == 0 || value > 0xFFFF) {
                return 0;
            }
            if (j < n && t.charAt(j) == ';') {
                j++;
            }
            return pack(value, j - i);
        }
        int startName = j;
        while (j < n && j - startName < 8 && Character.isLetter(t.charAt(j))) {
            j++;
        }
        if (j < n && t.charAt(j) == ';' && j > startName) {
            Character ch = NAMED.get(t.substring(startName, j).toLowerCase(Locale.ROOT));
            if (ch != null) {
                return pack(ch, j + 1 - i);
            }
        }
        return 0;
    }

    private static long percent(String t, int i) {
        int n = t.length();
        if (i + 5 < n && (t.charAt(i + 1) == 'u' || t.charAt(i + 1) == 'U')) {
            int v = hex(t, i + 2, 4);
            if (v > 0) {
                return pack(v, 6);
            }
        }
        if (i + 2 < n) {
            int v = hex(t, i + 1, 2);
            if (v > 0) {
                return pack(v, 3);
            }
        }
        return 0;
    }

    private static long backslash(String t, int i) {
        int n = t.length();
        if (i + 5 < n && t.charAt(i + 1) == 'u') {
            int v = hex(t, i + 2, 4);
            if (v > 0) {
                return pack(v, 6);
            }
        }
        if (i + 3 < n && t.charAt(i + 1) == 'x') {
            int v = hex(t, i + 2, 2);
            if (v > 0) {
                return pack(v, 4);
            }
        }
        return 0;
    }

    private static int hex(String t, int from, int count) {
        if (from + count > t.length()) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + count; k++) {
            int d = digit(t.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static int digit(char c, int radix) {
        return Character.digit(c, radix);
    }

    private static long pack(int ch, int consumed) {
        return ((long) ch << 32) | consumed;
    }
}
