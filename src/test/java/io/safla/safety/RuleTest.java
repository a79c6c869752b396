package io.safla.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleTest {

    @Test
    void withFirstCharHint_plainWordAlternation_getsLookahead() {
        assertThat(Rule.withFirstCharHint("\\b(?:ignore|forget\\s+it|drop)\\s+x"))
                .isEqualTo("\\b(?=[iIfFdD])(?:ignore|forget\\s+it|drop)\\s+x");
    }

    @Test
    void withFirstCharHint_nestedGroupsAndClassesInsideBranches_areSkippedCorrectly() {
        assertThat(Rule.withFirstCharHint("\\b(?:a(?:b|c)|d[|)]e)z")).isEqualTo("\\b(?=[aAdD])(?:a(?:b|c)|d[|)]e)z");
    }

    @Test
    void withFirstCharHint_unsafeShapes_areUnchanged() {
        for (String re : new String[] {
            "\\b(?:a?b|c)", "\\b(?:ab|\\d)", "\\b(?:ab|(?:c))", "\\b(?:ab|cd)?x", "(?:ab|cd)", "\\b(?:ab|)", "\\bab"
        }) {
            assertThat(Rule.withFirstCharHint(re)).as(re).isEqualTo(re);
        }
    }
}
