package io.safla.safety;

import static io.safla.safety.Category.PII;
import static io.safla.safety.Category.SECRET;
import static io.safla.safety.SafetyLevel.MODERATE;
import static io.safla.safety.SafetyLevel.STRICT;
import static io.safla.safety.Severity.CRITICAL;
import static io.safla.safety.Severity.HIGH;
import static io.safla.safety.Severity.LOW;
import static io.safla.safety.Severity.MEDIUM;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Personal data and credentials. Numbers with a checksum (cards, IBANs) are reported only when the
 * checksum holds, so arbitrary digit strings are not flagged; {@link #mask} replaces each finding
 * with a typed placeholder.
 *
 * <p>Implementation notes: matching runs on the original text only. Decoding would create spans
 * that straddle escapes, and nobody percent-encodes their own e-mail address to evade a filter.
 * Overlaps are resolved in favour of the more specific rule (a card beats the phone pattern that
 * also matches its digits) by rule order: earlier rules win.
 */
public final class PrivacyLayer extends FindingLayer {

    public static final String NAME = "privacy";

    public PrivacyLayer() {
        super(NAME);
    }

    private static final Map<String, String> PLACEHOLDERS = Map.ofEntries(
            Map.entry("secret.private_key", "[PRIVATE_KEY]"),
            Map.entry("secret.jwt", "[JWT]"),
            Map.entry("secret.password_assignment", "[PASSWORD]"),
            Map.entry("secret.password_statement", "[PASSWORD]"),
            Map.entry("secret.connection_string", "[PASSWORD]"),
            Map.entry("pii.card", "[CARD]"),
            Map.entry("pii.iban", "[IBAN]"),
            Map.entry("pii.ssn", "[SSN]"),
            Map.entry("pii.ssn_labelled", "[SSN]"),
            Map.entry("pii.uk_nino", "[NATIONAL_ID]"),
            Map.entry("pii.email", "[EMAIL]"),
            Map.entry("pii.email_example", "[EMAIL]"),
            Map.entry("pii.phone", "[PHONE]"),
            Map.entry("pii.ip_public", "[IP]"),
            Map.entry("pii.ip_private", "[IP]"));

    /** Values in password assignments that are clearly not secrets. */
    private static final Set<String> PLACEHOLDER_VALUES = Set.of(
            "null",
            "none",
            "true",
            "false",
            "undefined",
            "changeme",
            "password",
            "your_password",
            "yourpassword",
            "secret",
            "required",
            "optional",
            "string",
            "example",
            "redacted",
            "hidden",
            "masked",
            "empty",
            "todo",
            "xxx",
            "xxxx",
            "xxxxxx",
            "xxxxxxxx",
            "placeholder",
            "<password>",
            "env",
            "os.environ",
            "getenv");

    private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    static final List<Rule> RULES = List.of(
            // Secrets first: they are more specific than any PII pattern over the same characters.
            Rule.of(
                            "secret.private_key",
                            SECRET,
                            CRITICAL,
                            "-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"
                                    + "(?:[\\s\\S]{0,5000}?-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----)?")
                    .caseSensitive()
                    .blocking()
                    .message("private key block")
                    .needs("-----begin")
                    .build(),
            Rule.of("secret.hf_token", SECRET, HIGH, "\\bhf_[A-Za-z0-9]{30,40}\\b")
                    .caseSensitive()
                    .blocking()
                    .message("Hugging Face token")
                    .needs("hf_")
                    .build(),
            Rule.of(
                            "secret.openai_key",
                            SECRET,
                            HIGH,
                            "\\bsk-(?:proj-|ant-(?:api\\d{2}-)?|live-|svcacct-)?[A-Za-z0-9_-]{20,}")
                    .caseSensitive()
                    .blocking()
                    .message("sk- API key")
                    .needs("sk-")
                    .build(),
            Rule.of("secret.aws_access_key", SECRET, HIGH, "\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\\b")
                    .caseSensitive()
                    .blocking()
                    .message("AWS access key id")
                    .needs("akia", "asia", "agpa", "aida", "aroa")
                    .build(),
            Rule.of("secret.aws_secret", SECRET, HIGH, "\\baws_secret_access_key\\s*[=:]\\s*['\"]?[A-Za-z0-9/+]{40}\\b")
                    .blocking()
                    .message("AWS secret access key")
                    .needs("aws_secret")
                    .build(),
            Rule.of(
                            "secret.github_token",
                            SECRET,
                            HIGH,
                            "\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b")
                    .caseSensitive()
                    .blocking()
                    .message("GitHub token")
                    .needs("gh", "github_pat")
                    .build(),
            Rule.of("secret.slack_token", SECRET, HIGH, "\\bxox[baprse]-[A-Za-z0-9-]{10,}")
                    .caseSensitive()
                    .blocking()
                    .message("Slack token")
                    .needs("xox")
                    .build(),
            Rule.of("secret.stripe_key", SECRET, HIGH, "\\b[rs]k_(?:live|test)_[0-9A-Za-z]{16,}\\b")
                    .caseSensitive()
                    .blocking()
                    .message("Stripe key")
                    .needs("_live_", "_test_")
                    .build(),
            Rule.of("secret.google_api_key", SECRET, HIGH, "\\bAIza[0-9A-Za-z_-]{35}\\b")
                    .caseSensitive()
                    .blocking()
                    .message("Google API key")
                    .needs("aiza")
                    .build(),
            Rule.of("secret.gitlab_token", SECRET, HIGH, "\\bglpat-[0-9A-Za-z_-]{20,}\\b")
                    .caseSensitive()
                    .blocking()
                    .message("GitLab token")
                    .needs("glpat-")
                    .build(),
            Rule.of("secret.jwt", SECRET, HIGH, "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}")
                    .caseSensitive()
                    .blocking()
                    .message("JSON Web Token")
                    .needs("eyj")
                    .build(),
            Rule.of("secret.bearer", SECRET, HIGH, "\\bBearer\\s+[A-Za-z0-9\\-._~+/]{24,}=*")
                    .caseSensitive()
                    .blocking()
                    .confidence(0.8)
                    .message("bearer token")
                    .needs("bearer")
                    .build(),
            Rule.of(
                            "secret.connection_string",
                            SECRET,
                            HIGH,
                            "\\b(?:postgres(?:ql)?|mysql|mongodb(?:\\+srv)?|redis|amqp|mssql|ftp|sftp)://[^\\s:/@]+:([^\\s@/]{3,})@")
                    .blocking()
                    .message("credentials in a connection URL")
                    .check(m -> !isPlaceholder(m.group(1)))
                    .needs("://")
                    .build(),
            Rule.of(
                            "secret.password_assignment",
                            SECRET,
                            HIGH,
                            "[\"']?\\b(?:password|passwd|pwd|pass|passphrase|secret|secret_key|api[_-]?key|apikey|access[_-]?token|"
                                    + "auth[_-]?token|client[_-]?secret|private[_-]?key|token|db_pass(?:word)?)\\b[\"']?\\s*"
                                    + "(?:(=|:=|=>)|(:))\\s*(?:([\"'])([^\"'\\n]{4,100})\\3|([^\\s\"',;}{)]{4,100}))")
                    .blocking()
                    .message("credential in an assignment")
                    .check(PrivacyLayer::credentialValue)
                    .needs("pass", "pwd", "secret", "key", "token")
                    .build(),
            Rule.of(
                            "secret.password_statement",
                            SECRET,
                            HIGH,
                            "\\b(?:my|the|our|his|her|their)\\s+(?:\\w+\\s+)?(?:password|passcode|passphrase|pin|secret(?:_key)?|api[ _-]?key|"
                                    + "token)\\s+(?:for\\s+\\S+\\s+)?(?:is|was)"
                                    + "\\s*:?\\s*['\"]?([^\\s'\",;]{6,64})")
                    .blocking()
                    .message("password stated in prose")
                    .check(m -> !isPlaceholder(m.group(1)) && m.group(1).chars().anyMatch(Character::isDigit))
                    .needs("pass", "pin", "secret", "key", "token")
                    .build(),
            Rule.of("pii.card", PII, HIGH, "(?<![\\d.-])(?:\\d[ -]?){12,18}\\d(?![\\d-])")
                    .message("payment card number (Luhn-valid)")
                    .check(m -> Checksums.paymentCard(m.group()))
                    .needs(DIGITS)
                    .build(),
            Rule.of("pii.iban", PII, HIGH, "\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\\b")
                    .caseSensitive()
                    .message("IBAN (mod-97 valid)")
                    .check(m -> Checksums.iban(m.group()))
                    .needs(DIGITS)
                    .build(),
            Rule.of("pii.ssn", PII, HIGH, "(?<![\\d-])(\\d{3})-(\\d{2})-(\\d{4})(?![\\d-])")
                    .message("US social security number")
                    .check(m -> Checksums.ssn(m.group(1), m.group(2), m.group(3)))
                    .needs(DIGITS)
                    .build(),
            Rule.of(
                            "pii.ssn_labelled",
                            PII,
                            HIGH,
                            "\\b(?:ssn|social\\s+security(?:\\s+(?:number|no\\.?|#))?)\\D{0,12}((\\d{3})\\s?(\\d{2})\\s?(\\d{4}))\\b")
                    .message("labelled social security number")
                    .check(m -> Checksums.ssn(m.group(2), m.group(3), m.group(4)))
                    .needs("ssn", "social")
                    .build(),
            Rule.of(
                            "pii.uk_nino",
                            PII,
                            MEDIUM,
                            "\\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[A-D]\\b")
                    .caseSensitive()
                    .message("UK national insurance number")
                    .needs(DIGITS)
                    .build(),
            Rule.of(
                            "pii.email",
                            PII,
                            MEDIUM,
                            "\\b[A-Za-z0-9._%+-]{1,64}+@(?!(?:[\\w-]+\\.)*example\\.(?:com|org|net)\\b)[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*"
                                    + "\\.[A-Za-z]{2,}\\b")
                    .message("e-mail address")
                    .needs("@")
                    .build(),
            Rule.of(
                            "pii.email_example",
                            PII,
                            LOW,
                            "\\b[A-Za-z0-9._%+-]{1,64}+@(?:[\\w-]+\\.)*example\\.(?:com|org|net)\\b")
                    .from(STRICT)
                    .confidence(0.5)
                    .message("documentation e-mail address")
                    .needs("@")
                    .build(),
            Rule.of(
                            "pii.phone",
                            PII,
                            MEDIUM,
                            "(?<![\\w+.-])(?:\\+\\d{1,3}(?:[ .-]?(?:\\(\\d{1,4}\\)|\\d{1,8})){2,6}|(?:\\(\\d{2,4}\\)[ .-]?|\\d{2,5}[ .-])"
                                    + "\\d{2,4}[ .-]\\d{2,4}(?:[ .-]\\d{2,4})?)(?![\\w.-]*\\d)")
                    .message("phone number")
                    .check(PrivacyLayer::phone)
                    .needs(DIGITS)
                    .build(),
            Rule.of(
                            "pii.ip_public",
                            PII,
                            MEDIUM,
                            "(?<![\\w.])(?<!version )(?<!Version )((?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]"
                                    + "\\d|1\\d\\d|[1-9]?\\d)){3})(?![\\w.]*\\d)")
                    .from(MODERATE)
                    .message("public IP address")
                    .check(m -> !Checksums.nonPublicIpv4(m.group(1)))
                    .needs(".")
                    .build(),
            Rule.of(
                            "pii.ip_private",
                            PII,
                            LOW,
                            "(?<![\\w.])((?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3})"
                                    + "(?![\\w.]*\\d)")
                    .from(STRICT)
                    .confidence(0.5)
                    .message("private IP address")
                    .check(m -> Checksums.nonPublicIpv4(m.group(1)))
                    .needs(".")
                    .build());

    @Override
    protected List<Finding> find(SafetyInput input) {
        return scan(input.text(), input.level());
    }

    /** Findings at {@code level}, with overlaps removed (earlier rules win). */
    public List<Finding> scan(String text, SafetyLevel level) {
        return scanOriginal(text, level);
    }

    private static List<Finding> scanOriginal(String text, SafetyLevel level) {
        List<Finding> kept = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (!rule.runsAt(level) || !rule.mayMatch(lower)) {
                continue;
            }
            Matcher m = rule.matcher(text);
            int count = 0;
            for (int from = 0;
                    count < RuleEngine.MAX_MATCHES_PER_RULE && rule.find(m, text, from);
                    from = Rule.after(m)) {
                if (!rule.check().test(m) || overlaps(kept, m.start(), m.end())) {
                    continue;
                }
                count++;
                kept.add(new Finding(
                        NAME,
                        rule.id(),
                        rule.category(),
                        rule.severity(),
                        rule.message(),
                        m.start(),
                        m.end(),
                        rule.blocking(),
                        rule.confidence()));
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return List.copyOf(kept);
    }

    /**
     * Returns {@code text} with every privacy finding at {@code level} replaced by a typed
     * placeholder such as {@code [EMAIL]}; the input is not modified.
     */
    public MaskedText mask(String text, SafetyLevel level) {
        List<Finding> findings = scan(text, level);
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        for (Finding f : findings) {
            out.append(text, pos, f.start()).append(PLACEHOLDERS.getOrDefault(f.ruleId(), "[SECRET]"));
            pos = f.end();
        }
        out.append(text, pos, text.length());
        return new MaskedText(out.toString(), findings);
    }

    /** Sanitised text and the findings that were replaced. */
    public record MaskedText(String text, List<Finding> replaced) {
        public MaskedText {
            Objects.requireNonNull(text, "text");
            replaced = List.copyOf(replaced);
        }
    }

    private static boolean overlaps(List<Finding> kept, int start, int end) {
        for (Finding f : kept) {
            if (start < f.end() && f.start() < end) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlaceholder(String value) {
        String v = value.toLowerCase(Locale.ROOT).trim();
        return PLACEHOLDER_VALUES.contains(v)
                || v.startsWith("${")
                || v.startsWith("{{")
                || v.startsWith("<")
                || v.startsWith("process.env")
                || v.startsWith("os.")
                || v.startsWith("env[")
                || v.startsWith("%")
                || v.chars().allMatch(c -> c == '*' || c == 'x' || c == '.' || c == '•')
                || v.startsWith("your")
                || v.startsWith("$")
                || v.startsWith("config.")
                || v.startsWith("settings.");
    }

    /**
     * A value after {@code =} or in quotes is treated as a credential; after a bare colon in prose
     * ("Password: must be 12 characters") it must also look like one (digits or symbols).
     */
    private static boolean credentialValue(Matcher m) {
        boolean quoted = m.group(4) != null;
        String value = quoted ? m.group(4) : m.group(5);
        if (value == null || isPlaceholder(value)) {
            return false;
        }
        if (quoted) {
            return !value.contains(" ") || value.length() <= 40 && value.chars().anyMatch(Character::isDigit);
        }
        boolean assignment = m.group(1) != null;
        boolean hasDigitOrSymbol = value.chars().anyMatch(c -> Character.isDigit(c) || "!@#$%^&*_-+/".indexOf(c) >= 0);
        return assignment ? value.length() >= 4 : hasDigitOrSymbol && value.length() >= 6;
    }

    /** 9-15 digits in all, not a date, and shaped like a phone number (see below). */
    private static boolean phone(Matcher m) {
        String s = m.group();
        int digits = Checksums.digitsOnly(s).length();
        if (digits < 9 || digits > 15) {
            return false;
        }
        if (s.matches("\\d{4}[-./]\\d{2}[-./]\\d{2}.*") || s.matches("\\d{2}[-./]\\d{2}[-./]\\d{4}.*")) {
            return false;
        }
        if (s.startsWith("+") || s.startsWith("(")) {
            return true;
        }
        // Without a country code or area-code brackets, accept only a national trunk prefix (0...) or
        // the North American 3-3-4 shape; other digit groups are usually references or account numbers.
        return (s.charAt(0) == '0' && digits >= 10) || s.matches("\\d{3}[ .-]\\d{3}[ .-]\\d{4}");
    }
}
