package io.safla.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The literal prefilter of a rule must never hide a match of its pattern. */
class RulePrefilterTest {

    /** Every pattern rule of the content, prompt and privacy layers; StartFilterTest uses it too. */
    static final List<Rule> ALL = new ArrayList<>();

    static {
        ALL.addAll(ContentSafetyLayer.RULES);
        ALL.addAll(PromptInjectionLayer.RULES);
        ALL.addAll(PrivacyLayer.RULES);
    }

    @Test
    void mayMatch_isTrueWheneverPatternMatches_overCorpusAndDecodedViews() {
        int matches = 0;
        for (Corpus.Item item : Corpus.load()) {
            DecodedText d = DecodedText.of(item.text());
            for (String view : List.of(item.text(), d.text())) {
                String lower = view.toLowerCase(Locale.ROOT);
                for (Rule r : ALL) {
                    Matcher m = r.pattern().matcher(view);
                    if (m.find()) {
                        matches++;
                        assertThat(r.mayMatch(lower))
                                .as(r.id() + " on " + item.id())
                                .isTrue();
                    }
                }
            }
        }
        assertThat(matches).isGreaterThan(300);
    }

    @Test
    void mayMatch_withoutAnyLiteral_isFalse() {
        Rule union = ContentSafetyLayer.RULES.stream()
                .filter(r -> r.id().equals("sql.union_select"))
                .findFirst()
                .orElseThrow();
        assertThat(union.mayMatch("how do i bake bread")).isFalse();
        assertThat(union.mayMatch("1 union select null--")).isTrue();
    }
}
