package io.safla.monitor;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Hides secrets before anything is shown: variables whose name ends in KEY, TOKEN, SECRET or PASSWORD (the seed's
 * rule, plus PASSWORD), and any value shaped like a well-known token whatever its name.
 */
public final class SecretRedactor {

    public static final String REDACTED = "[redacted]";
    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS)$");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(hf_[A-Za-z0-9]{8,}|sk-[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|xox[abpr]-[A-Za-z0-9-]{10,}"
                    + "|eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,})");

    private SecretRedactor() {}

    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches();
    }

    /** The value, or {@link #REDACTED} when the name or the value says it is a secret. */
    public static String redact(String name, String value) {
        if (isSecretName(name) || SECRET_VALUE.matcher(value).find()) {
            return REDACTED;
        }
        return value;
    }

    /** A sorted copy with every secret redacted. */
    public static Map<String, String> redactAll(Map<String, String> variables) {
        Map<String, String> out = new TreeMap<>();
        variables.forEach((k, v) -> out.put(k, redact(k, v == null ? "" : v)));
        return out;
    }
}
