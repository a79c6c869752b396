package io.safla.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrivacyLayerTest {

    private final PrivacyLayer layer = new PrivacyLayer();

    private List<Finding> scan(String text) {
        return layer.scan(text, SafetyLevel.MODERATE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mail me at jane.doe@gmail.com|pii.email",
                "call +44 20 7946 0958 please|pii.phone",
                "call (415) 555-0132 please|pii.phone",
                "card 4111 1111 1111 1111 exp 09/27|pii.card",
                "amex 378282246310005|pii.card",
                "IBAN GB82 WEST 1234 5698 7654 32|pii.iban",
                "IBAN DE89370400440532013000|pii.iban",
                "SSN 123-45-6789|pii.ssn",
                "server at 84.17.35.210 is down|pii.ip_public",
                "token hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789|secret.hf_token",
                "key sk-proj-4fJ8kLmN2pQrS7tUvWx9yZaB3cDeFgHiJkLm|secret.openai_key",
                "AKIAIOSFODNN7EXAMPLE|secret.aws_access_key",
                "ghp_16C7e42F292c6912E7710c838347Ae178B4aXY|secret.github_token",
                "xoxb-2048-1024-AbCdEfGhIjKlMnOp|secret.slack_token",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36P|secret.jwt",
                "password=hunter2|secret.password_assignment",
                "{\"pwd\": \"Tr0ub4dor&3\"}|secret.password_assignment"
            })
    void scan_personalDataOrSecret_isFound(String text, String rule) {
        assertThat(Findings.ruleIds(scan(text))).contains(rule);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "order 4111 1111 1111 1112 not found",
                "tracking 1234 5678 9012 3456",
                "IBAN GB82 WEST 1234 5698 7654 33",
                "SSN 000-12-3456",
                "SSN 666-12-3456",
                "SSN 912-12-3456",
                "SSN 123-00-4567",
                "IP 256.1.1.1 is invalid",
                "version 1.2.3.4.5 released",
                "The password must be at least 12 characters.",
                "Password: must contain a symbol",
                "password = ${DB_PASSWORD}",
                "see user@example.com in the docs",
                "the date 2024-01-15 and time 10:30"
            })
    void scan_lookalikeWithoutValidChecksumOrValue_isNotFound(String text) {
        assertThat(scan(text)).isEmpty();
    }

    @Test
    void scan_privateKeyBlock_isCriticalAndBlocking() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn\n-----END RSA PRIVATE KEY-----";
        Finding f = Findings.first(scan(pem), "secret.private_key");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.blocking()).isTrue();
        assertThat(f.excerpt(pem)).isEqualTo(pem);
    }

    @Test
    void mask_replacesEachFindingWithTypedPlaceholder() {
        String text = "Mail jane@corp.io or call +1-202-555-0173, card 4111111111111111, password=hunter2";
        PrivacyLayer.MaskedText m = layer.mask(text, SafetyLevel.MODERATE);
        assertThat(m.text()).isEqualTo("Mail [EMAIL] or call [PHONE], card [CARD], [PASSWORD]");
        assertThat(m.replaced()).hasSize(4);
    }

    @Test
    void mask_cleanText_isUnchanged() {
        assertThat(layer.mask("nothing here", SafetyLevel.STRICT).text()).isEqualTo("nothing here");
    }

    @Test
    void scan_cardDigits_areNotAlsoReportedAsPhone() {
        assertThat(Findings.ruleIds(scan("card 4111 1111 1111 1111"))).containsExactly("pii.card");
    }

    @Test
    void checksums_knownValues() {
        assertThat(Checksums.luhn("79927398713")).isTrue();
        assertThat(Checksums.luhn("79927398710")).isFalse();
        assertThat(Checksums.iban("NL91ABNA0417164300")).isTrue();
        assertThat(Checksums.iban("NL91ABNA0417164301")).isFalse();
        assertThat(Checksums.ssn("078", "05", "1120")).isFalse();
    }
}
