package io.safla.safety;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How the text is built rather than what it says: encoded payloads, invisible characters,
 * mixed-script words, flooding, and multi-turn setups that point back at an earlier flagged message.
 *
 * <p>Implementation notes: base64 and hex runs are decoded and re-scanned with the rule layers
 * given to the constructor; a payload whose decoding is flagged gets the decoded finding's category
 * at HIGH and blocking, because hiding a payload is evidence of intent. A payload that decodes to
 * nothing flagged is only reported at STRICT (and for very long runs at MODERATE), since images,
 * keys and hashes are long base64/hex too. Context is scanned with the same rule layers; only a
 * back-reference in the current text ("do what I said before") turns a flagged context into a
 * finding on the current text.
 */
public final class BehaviourLayer extends FindingLayer {

    public static final String NAME = "behaviour";

    // BASE64 and WORD define what base64Spans and wordSpans find (BehaviourScannersTest holds them equal).
    private static final Pattern BASE64 =
            Pattern.compile("(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{20,}={0,2}(?![A-Za-z0-9+/=_-])");
    private static final Pattern HEX = Pattern.compile(
            "(?:\\\\x[0-9a-fA-F]{2}){8,}|(?<![0-9a-fA-F])(?:0x)?(?:[0-9a-fA-F]{2}){12,}(?![0-9a-fA-F])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]{3,}");
    private static final Pattern BACK_REFERENCE = Pattern.compile(
            "\\b(?:remember|recall|use|apply|follow|execute|run|obey|do|carry\\s+out|continue\\s+with|go\\s+ahead\\s+with|"
                    + "stick\\s+to|as\\s+per)\\b[^.?!\\n]{0,40}?\\b(?:instructions?|command|rules?|request|task|prompt|"
                    + "plan|what\\s+i\\s+(?:said|told\\s+you|asked|wrote|gave\\s+you)|(?:the\\s+)?(?:thing|part|step)s?"
                    + "\\s+(?:from|i\\s+mentioned))\\b[^.?!\\n]{0,30}?\\b(?:before|earlier|previously|above|last\\s+time|"
                    + "from\\s+before|in\\s+my\\s+(?:last|previous|first)\\s+message|we\\s+agreed)\\b"
                    + "|\\b(?:as\\s+i\\s+(?:said|told\\s+you|mentioned|instructed)\\s+(?:before|earlier|previously))"
                    + "|\\b(?:now\\s+(?:do|execute|run|apply)\\s+(?:it|that|them)|continue\\s+where\\s+we\\s+left\\s+off|"
                    + "stay\\s+in\\s+that\\s+mode|keep\\s+(?:being|acting\\s+as)\\s+(?:that|the)\\s+(?:persona|character|"
                    + "mode))\\b",
            Pattern.CASE_INSENSITIVE);

    private final List<SafetyLayer> ruleLayers;
    private final Limits limits;

    /**
     * Per-level limits; stricter levels must have lower or equal values.
     *
     * @param maxChars length above which a text counts as flooding, per level
     * @param maxRun longest allowed run of one repeated character, per level
     * @param maxWordRepeats most consecutive repetitions of one word, per level
     * @param longPayload base64/hex run length reported even when it decodes to nothing flagged
     */
    public record Limits(
            Map<SafetyLevel, Integer> maxChars,
            Map<SafetyLevel, Integer> maxRun,
            Map<SafetyLevel, Integer> maxWordRepeats,
            Map<SafetyLevel, Integer> longPayload) {

        public Limits {
            maxChars = checked(maxChars, "maxChars");
            maxRun = checked(maxRun, "maxRun");
            maxWordRepeats = checked(maxWordRepeats, "maxWordRepeats");
            longPayload = checked(longPayload, "longPayload");
        }

        public static Limits defaults() {
            return new Limits(
                    byLevel(4_000, 8_000, 16_000),
                    byLevel(40, 80, 200),
                    byLevel(12, 25, 60),
                    byLevel(48, 160, Integer.MAX_VALUE));
        }

        private static Map<SafetyLevel, Integer> byLevel(int strict, int moderate, int permissive) {
            return Map.of(
                    SafetyLevel.STRICT, strict, SafetyLevel.MODERATE, moderate, SafetyLevel.PERMISSIVE, permissive);
        }

        private static Map<SafetyLevel, Integer> checked(Map<SafetyLevel, Integer> m, String name) {
            for (SafetyLevel l : SafetyLevel.values()) {
                if (!m.containsKey(l) || m.get(l) <= 0) {
                    throw new IllegalArgumentException(name + " needs a positive value for " + l);
                }
            }
            if (m.get(SafetyLevel.STRICT) > m.get(SafetyLevel.MODERATE)
                    || m.get(SafetyLevel.MODERATE) > m.get(SafetyLevel.PERMISSIVE)) {
                throw new IllegalArgumentException(name + " must not grow with strictness");
            }
            return Map.copyOf(m);
        }
    }

    /** @param ruleLayers layers used to re-scan decoded payloads and earlier context messages */
    public BehaviourLayer(List<SafetyLayer> ruleLayers, Limits limits) {
        super(NAME);
        this.ruleLayers = List.copyOf(ruleLayers);
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public BehaviourLayer(List<SafetyLayer> ruleLayers) {
        this(ruleLayers, Limits.defaults());
    }

    @Override
    protected List<Finding> find(SafetyInput input) {
        String text = input.text();
        SafetyLevel level = input.level();
        List<Finding> out = new ArrayList<>();
        invisibleCharacters(text, out);
        mixedScript(text, out);
        encodedPayloads(text, level, out);
        flooding(text, level, out);
        context(input, out);
        return out;
    }

    private static void invisibleCharacters(String text, List<Finding> out) {
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (DecodedText.isInvisible(text.charAt(i))) {
                if (first < 0) {
                    first = i;
                }
                last = i;
                count++;
            }
        }
        if (count > 0) {
            out.add(finding(
                    "behaviour.invisible_chars",
                    Category.OBFUSCATION,
                    Severity.MEDIUM,
                    count + " zero-width or bidi control character(s)",
                    first,
                    last + 1,
                    false,
                    0.9));
        }
    }

    /** A word mixing Latin with Cyrillic or Greek letters is a homoglyph trick; whole foreign words are not. */
    private static void mixedScript(String text, List<Finding> out) {
        int[] words = wordSpans(text);
        int reported = 0;
        for (int w = 0; w < words.length && reported < 3; w += 2) {
            int start = words[w];
            int end = words[w + 1];
            boolean latin = false;
            boolean other = false;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    latin = true; // WORD matches only letters, and ASCII letters are Latin: skip the script look-up
                    continue;
                }
                Character.UnicodeScript s = Character.UnicodeScript.of(c);
                latin |= s == Character.UnicodeScript.LATIN;
                other |= s == Character.UnicodeScript.CYRILLIC || s == Character.UnicodeScript.GREEK;
            }
            if (latin && other) {
                reported++;
                out.add(finding(
                        "behaviour.mixed_script",
                        Category.OBFUSCATION,
                        Severity.MEDIUM,
                        "word mixes Latin with Cyrillic/Greek look-alikes",
                        start,
                        end,
                        false,
                        0.85));
            }
        }
    }

    private void encodedPayloads(String text, SafetyLevel level, List<Finding> out) {
        int longPayload = limits.longPayload().get(level);
        int[] runs = base64Spans(text);
        for (int r = 0; r < runs.length && r < 16; r += 2) {
            String run = text.substring(runs[r], runs[r + 1]);
            if (!looksLikeBase64(run)) {
                continue;
            }
            String decoded = decodeBase64(run);
            reportPayload("base64", decoded, runs[r], runs[r + 1], run.length(), level, longPayload, out);
        }
        Matcher h = HEX.matcher(text);
        int seen = 0;
        while (h.find() && seen++ < 8) {
            String decoded = decodeHex(h.group());
            reportPayload("hex", decoded, h.start(), h.end(), h.group().length(), level, longPayload, out);
        }
    }

    private void reportPayload(
            String kind,
            @Nullable String decoded,
            int start,
            int end,
            int length,
            SafetyLevel level,
            int longPayload,
            List<Finding> out) {
        if (decoded != null && printable(decoded)) {
            List<Finding> inner = rescan(decoded, level);
            if (!inner.isEmpty()) {
                Finding worst = inner.stream()
                        .max(Comparator.comparing(Finding::severity))
                        .orElseThrow();
                out.add(finding(
                        "behaviour.encoded_" + worst.ruleId(),
                        worst.category(),
                        Severity.HIGH,
                        kind + " payload decodes to: " + worst.message(),
                        start,
                        end,
                        true,
                        0.95));
                out.add(finding(
                        "behaviour." + kind + "_payload",
                        Category.OBFUSCATION,
                        Severity.MEDIUM,
                        kind + " payload hiding flagged content",
                        start,
                        end,
                        false,
                        0.9));
                return;
            }
        }
        if (length >= longPayload) {
            out.add(finding(
                    "behaviour.long_" + kind,
                    Category.OBFUSCATION,
                    Severity.LOW,
                    "long " + kind + " run (" + length + " chars)",
                    start,
                    end,
                    false,
                    0.6));
        }
    }

    private List<Finding> rescan(String text, SafetyLevel level) {
        SafetyInput in = SafetyInput.of(text, level);
        List<Finding> found = new ArrayList<>();
        for (SafetyLayer layer : ruleLayers) {
            for (Finding f : layer.evaluate(in).findings()) {
                if (f.severity().compareTo(Severity.MEDIUM) >= 0) {
                    found.add(f);
                }
            }
        }
        return found;
    }

    private void flooding(String text, SafetyLevel level, List<Finding> out) {
        int maxChars = limits.maxChars().get(level);
        if (text.length() > maxChars) {
            out.add(finding(
                    "behaviour.too_long",
                    Category.RESOURCE_ABUSE,
                    Severity.MEDIUM,
                    "text is " + text.length() + " chars (limit " + maxChars + ")",
                    maxChars,
                    text.length(),
                    false,
                    0.9));
        }
        int maxRun = limits.maxRun().get(level);
        int runStart = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) != text.charAt(runStart)) {
                if (i - runStart > maxRun && !Character.isWhitespace(text.charAt(runStart))) {
                    out.add(finding(
                            "behaviour.char_run",
                            Category.RESOURCE_ABUSE,
                            Severity.MEDIUM,
                            "character repeated " + (i - runStart) + " times",
                            runStart,
                            i,
                            false,
                            0.8));
                    break;
                }
                runStart = i;
            }
        }
        int maxRepeats = limits.maxWordRepeats().get(level);
        int[] words = wordSpans(text);
        int previousStart = -1;
        int previousLength = 0;
        int repeats = 0;
        int firstStart = 0;
        for (int w = 0; w < words.length; w += 2) {
            int start = words[w];
            int end = words[w + 1];
            int length = end - start;
            // compared in place: a lower-cased copy of every word was most of this method's time
            if (previousStart >= 0
                    && length == previousLength
                    && text.regionMatches(true, previousStart, text, start, length)) {
                repeats++;
                if (repeats == maxRepeats) {
                    String word = text.substring(start, end).toLowerCase(Locale.ROOT);
                    out.add(finding(
                            "behaviour.word_repetition",
                            Category.RESOURCE_ABUSE,
                            Severity.MEDIUM,
                            "word '" + word + "' repeated over " + maxRepeats + " times",
                            firstStart,
                            end,
                            false,
                            0.8));
                    break;
                }
            } else {
                previousStart = start;
                previousLength = length;
                repeats = 1;
                firstStart = start;
            }
        }
    }

    /**
     * Spans [start, end) of the matches of {@link #BASE64}, flattened, found without the regex engine:
     * its character-class unions cost more than the rest of this layer together. A match is a maximal
     * run of at least 20 base64url characters (its start is not preceded by one) plus up to two
     * {@code =}, not followed by another base64 character or {@code =}. {@code BehaviourScannersTest}
     * compares it with the pattern.
     */
    static int[] base64Spans(String text) {
        int n = text.length();
        int[] out = new int[8];
        int count = 0;
        int i = 0;
        while (i < n) {
            if (!base64Char(text.charAt(i)) || i > 0 && base64Char(text.charAt(i - 1))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && base64Char(text.charAt(end))) {
                end++;
            }
            int padded = end;
            while (padded < n && padded - end < 2 && text.charAt(padded) == '=') {
                padded++;
            }
            boolean clearAfter = padded == n || !base64Char(text.charAt(padded)) && text.charAt(padded) != '=';
            if (end - i >= 20 && clearAfter) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = i;
                out[count++] = padded;
                i = padded;
            } else {
                i = end;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static boolean base64Char(char c) {
        return c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9'
                || c == '+'
                || c == '/'
                || c == '_'
                || c == '-';
    }

    /** Spans of the matches of {@link #WORD} (three or more letters or marks), flattened; no regex engine. */
    static int[] wordSpans(String text) {
        int n = text.length();
        int[] out = new int[64];
        int count = 0;
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!letterOrMark(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int codePoints = 0;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!letterOrMark(cp)) {
                    break;
                }
                codePoints++;
                i += Character.charCount(cp);
            }
            if (codePoints >= 3) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = start;
                out[count++] = i;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static boolean letterOrMark(int cp) {
        if (cp < 0x80) {
            return cp >= 'A' && cp <= 'Z' || cp >= 'a' && cp <= 'z';
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private void context(SafetyInput input, List<Finding> out) {
        if (input.context().isEmpty()) {
            return;
        }
        Matcher back = BACK_REFERENCE.matcher(input.text());
        if (!back.find()) {
            return;
        }
        Map<Category, Integer> flagged = new HashMap<>();
        for (String earlier : input.context()) {
            for (Finding f : rescan(earlier, input.level())) {
                flagged.merge(f.category(), 1, Integer::sum);
            }
        }
        if (flagged.isEmpty()) {
            return;
        }
        Category worst = flagged.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        out.add(finding(
                "behaviour.context_back_reference",
                worst,
                Severity.HIGH,
                "refers back to an earlier message flagged for " + worst,
                back.start(),
                back.end(),
                true,
                0.9));
    }

    private static Finding finding(
            String rule,
            Category c,
            Severity s,
            String message,
            int start,
            int end,
            boolean blocking,
            double confidence) {
        return new Finding(NAME, rule, c, s, message, start, end, blocking, confidence);
    }

    /** Real base64 mixes cases and digits; a long identifier or word does not. */
    private static boolean looksLikeBase64(String run) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            digit |= Character.isDigit(c);
        }
        return upper && lower && (digit || run.endsWith("=") || run.length() >= 32);
    }

    private static @Nullable String decodeBase64(String run) {
        String s = run.replace('-', '+').replace('_', '/');
        String stripped = s.replace("=", "");
        int pad = (4 - stripped.length() % 4) % 4;
        if (pad == 3) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(stripped + "=".repeat(pad)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String decodeHex(String run) {
        String s = run.replace("\\x", "");
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        if (s.length() % 2 != 0) {
            return null;
        }
        byte[] bytes = new byte[s.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** At least 90% printable ASCII or whitespace: binary data (images, hashes) fails this. */
    private static boolean printable(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int ok = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c == '\r') {
                ok++;
            }
        }
        return ok >= 0.9 * s.length();
    }
}
