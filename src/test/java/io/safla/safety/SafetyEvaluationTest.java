package io.safla.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Precision/recall on the held-out TEST split of the corpus at MODERATE. Rules and thresholds are
 * tuned by looking at the TUNE split only ({@link #tuneSplit_printsMissesForTuning}); this class
 * never prints individual test items unless {@code -Dsafety.eval.showTestMisses=true} is given.
 */
class SafetyEvaluationTest {

    @Test
    void testSplit_moderate_meetsQualityGates() {
        List<Corpus.Item> test = Corpus.split("test");
        Evaluation.Report r = Evaluation.report(Evaluation.run(Evaluation.validator(), test, SafetyLevel.MODERATE));
        System.out.println(Evaluation.table(r, "TEST split, level MODERATE, " + test.size() + " items"));
        if (Boolean.getBoolean("safety.eval.showTestMisses")) {
            System.out.println(Evaluation.misses(r));
        }
        assertThat(r.overall().f1()).as("overall F1 on test").isGreaterThanOrEqualTo(0.92);
        assertThat(r.benign().fpr())
                .as("false-positive rate on benign+hard_benign")
                .isLessThanOrEqualTo(0.03);
    }

    @Test
    void testSplit_allLevels_recallAndFalsePositivesGrowWithStrictness() {
        List<Corpus.Item> test = Corpus.split("test");
        SafetyValidator v = Evaluation.validator();
        Evaluation.Report p = Evaluation.report(Evaluation.run(v, test, SafetyLevel.PERMISSIVE));
        Evaluation.Report m = Evaluation.report(Evaluation.run(v, test, SafetyLevel.MODERATE));
        Evaluation.Report s = Evaluation.report(Evaluation.run(v, test, SafetyLevel.STRICT));
        System.out.println(Evaluation.table(p, "TEST split, level PERMISSIVE"));
        System.out.println(Evaluation.table(s, "TEST split, level STRICT"));
        assertThat(s.overall().recall()).isGreaterThanOrEqualTo(m.overall().recall());
        assertThat(m.overall().recall()).isGreaterThanOrEqualTo(p.overall().recall());
        assertThat(s.benign().fp()).isGreaterThanOrEqualTo(m.benign().fp());
        assertThat(m.benign().fp()).isGreaterThanOrEqualTo(p.benign().fp());
    }

    @Test
    void tuneSplit_printsMissesForTuning() {
        List<Corpus.Item> tune = Corpus.split("tune");
        Evaluation.Report r = Evaluation.report(Evaluation.run(Evaluation.validator(), tune, SafetyLevel.MODERATE));
        System.out.println(Evaluation.table(r, "TUNE split, level MODERATE, " + tune.size() + " items"));
        System.out.println("TUNE misses:\n" + Evaluation.misses(r));
        assertThat(r.overall().n()).isEqualTo(tune.size());
    }
}
