package io.safla.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Over the whole corpus: stricter levels flag a superset of texts and report a superset of findings. */
class SafetyLevelMonotonicityTest {

    /** Every finding of {@code looser} has a finding of the same rule in {@code stricter} whose span contains it. */
    private static void assertCovered(String id, SafetyResult looser, SafetyResult stricter) {
        for (Finding f : looser.violations()) {
            assertThat(stricter.violations())
                    .as(id + " " + f.ruleId())
                    .anyMatch(g -> g.ruleId().equals(f.ruleId())
                            && g.category() == f.category()
                            && g.start() <= f.start()
                            && g.end() >= f.end());
        }
    }

    @Test
    void validate_wholeCorpus_isMonotonicInLevel() {
        SafetyValidator v = Evaluation.validator();
        List<Corpus.Item> items = Corpus.load();
        int flaggedPermissive = 0;
        int flaggedStrict = 0;
        for (Corpus.Item i : items) {
            SafetyResult p = v.validate(i.text(), SafetyLevel.PERMISSIVE);
            SafetyResult m = v.validate(i.text(), SafetyLevel.MODERATE);
            SafetyResult s = v.validate(i.text(), SafetyLevel.STRICT);
            assertThat(m.verdict()).as(i.id()).isGreaterThanOrEqualTo(p.verdict());
            assertThat(s.verdict()).as(i.id()).isGreaterThanOrEqualTo(m.verdict());
            assertCovered(i.id(), p, m);
            assertCovered(i.id(), m, s);
            assertThat(s.risk()).as(i.id()).isGreaterThanOrEqualTo(m.risk() - 1e-12);
            assertThat(m.risk()).as(i.id()).isGreaterThanOrEqualTo(p.risk() - 1e-12);
            flaggedPermissive += p.verdict() != Verdict.SAFE ? 1 : 0;
            flaggedStrict += s.verdict() != Verdict.SAFE ? 1 : 0;
        }
        assertThat(flaggedStrict)
                .as("STRICT must actually flag more than PERMISSIVE")
                .isGreaterThan(flaggedPermissive);
    }
}
