package io.safla.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Matching through the start filter must give exactly the matches of a plain {@code find()} loop. */
class StartFilterTest {

    private static final List<Rule> ALL = RulePrefilterTest.ALL;

    @Test
    void filteredMatches_equalPlainFind_overCorpusAndDecodedViews() {
        int compared = 0;
        List<String> views = new ArrayList<>();
        for (Corpus.Item item : Corpus.load()) {
            views.add(item.text());
            views.add(DecodedText.of(item.text()).text());
        }
        views.add(BenchInputs.MIXED_1000);
        views.add(BenchInputs.BENIGN_1000);
        for (String view : views) {
            for (Rule r : ALL) {
                List<String> plain = new ArrayList<>();
                Matcher m = r.pattern().matcher(view);
                while (m.find()) {
                    plain.add(m.start() + "-" + m.end() + ":" + m.group());
                }
                List<String> filtered = new ArrayList<>();
                Matcher f = r.matcher(view);
                for (int from = 0; r.find(f, view, from); from = Rule.after(f)) {
                    filtered.add(f.start() + "-" + f.end() + ":" + f.group());
                }
                assertThat(filtered).as(r.id() + " on " + view).isEqualTo(plain);
                compared += plain.size();
            }
        }
        assertThat(compared).isGreaterThan(300);
    }

    @Test
    void mostRulesAreRestricted() {
        long restricted = ALL.stream().filter(r -> r.start().restricts()).count();
        assertThat(restricted).isGreaterThan(ALL.size() * 2L / 3);
    }

    @Test
    void wordBranches_skipMidWordAndOtherLetters() {
        StartFilter f = StartFilter.of("\\b(?:ignore|forget)\\s+previous");
        assertThat(f.restricts()).isTrue();
        String s = "please ignore that, unforgettable; Forget it";
        assertThat(f.next(s, 0)).isEqualTo(s.indexOf("ignore"));
        assertThat(f.next(s, s.indexOf("ignore") + 1)).isEqualTo(s.indexOf("Forget"));
    }

    @Test
    void lookaheadSetIsUsed_andNegativeLookaroundsAreSkipped() {
        assertThat(StartFilter.of("(?=[;&])(?:;|&&)rm").next("abc;rm", 0)).isEqualTo(3);
        assertThat(StartFilter.of("(?<![\\d.-])\\d{3}").next("ab 12", 0)).isEqualTo(3);
        assertThat(StartFilter.of("[;&|]\\s*rm").next("a & rm", 0)).isEqualTo(2);
        assertThat(StartFilter.of("[a-z&&[^x]]b").restricts()).isFalse();
    }

    @Test
    void unboundedShapes_areAny() {
        assertThat(StartFilter.of(".*x").restricts()).isFalse();
        assertThat(StartFilter.of("a?.").restricts()).isFalse();
        assertThat(StartFilter.of("[^a]b").restricts()).isFalse();
        assertThat(StartFilter.of("\\p{L}+").restricts()).isFalse();
        assertThat(StartFilter.of("x|(?:y)*").restricts()).isFalse();
        assertThat(StartFilter.of("(?>ab)").restricts()).isFalse();
    }

    @Test
    void optionalFirstAtom_addsWhatFollows() {
        StartFilter f = StartFilter.of("[\"']?\\bpass\\b");
        assertThat(f.restricts()).isTrue();
        assertThat(f.next("my 'pass", 0)).isEqualTo(3);
        assertThat(f.next("my pass", 0)).isEqualTo(3);
        assertThat(f.next("bypass", 0)).isEqualTo(-1);
    }

    @Test
    void nonAsciiCharacters_areAlwaysCandidates() {
        assertThat(StartFilter.of("\\bkey").next("xx \u212Aey", 0)).isEqualTo(3);
    }
}
