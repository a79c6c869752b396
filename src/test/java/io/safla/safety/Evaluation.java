package io.safla.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Scores the validator on corpus items and formats the per-category table. */
final class Evaluation {

    /** Thresholds of the semantic layer for {@link HashingTestEmbedder}, chosen on the tune split only. */
    static final SemanticLayer.Thresholds HASHING_THRESHOLDS =
            SemanticLayer.Thresholds.of(5, new double[] {0.30, 0.36, 0.42}, new double[] {0.60, 0.70, 0.80});

    static SafetyValidator validator() {
        return SafetyValidator.standard(java.time.Clock.systemUTC(), new HashingTestEmbedder(), HASHING_THRESHOLDS);
    }

    record Outcome(Corpus.Item item, SafetyResult result) {
        boolean flagged() {
            return result.verdict() != Verdict.SAFE;
        }

        boolean correctCategory() {
            Set<Category> expected = Corpus.EXPECTED.get(item.label());
            return expected != null && result.flaggedCategories().stream().anyMatch(expected::contains);
        }
    }

    record Row(String label, int n, int tp, int fp, int fn, int wrongCategory) {
        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double fpr() {
            return n == 0 ? 0 : (double) fp / n;
        }
    }

    record Report(Map<String, Row> rows, Row overall, Row benign, List<Outcome> misses) {}

    static List<Outcome> run(SafetyValidator v, List<Corpus.Item> items, SafetyLevel level) {
        List<Outcome> out = new ArrayList<>();
        for (Corpus.Item i : items) {
            out.add(new Outcome(i, v.validate(i.text(), level)));
        }
        return out;
    }

    /**
     * Per attack label: TP = flagged with an expected category; FN = not; FP = a benign item
     * flagged with one of the label's categories. Overall is binary (attack flagged vs benign
     * flagged). The benign row counts flagged benign items as FP over its n.
     */
    static Report report(List<Outcome> outcomes) {
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Outcome> misses = new ArrayList<>();
        for (String label : Corpus.EXPECTED.keySet().stream().sorted().toList()) {
            Set<Category> expected = Corpus.EXPECTED.get(label);
            int n = 0, tp = 0, fn = 0, fp = 0, wrong = 0;
            for (Outcome o : outcomes) {
                if (o.item().label().equals(label)) {
                    n++;
                    if (o.flagged() && o.correctCategory()) {
                        tp++;
                    } else {
                        fn++;
                        if (o.flagged()) {
                            wrong++;
                        }
                    }
                } else if (!o.item().attack()
                        && o.flagged()
                        && o.result().flaggedCategories().stream().anyMatch(expected::contains)) {
                    fp++;
                }
            }
            rows.put(label, new Row(label, n, tp, fp, fn, wrong));
        }
        int tp = 0, fp = 0, fn = 0, nb = 0, na = 0;
        for (Outcome o : outcomes) {
            if (o.item().attack()) {
                na++;
                if (o.flagged()) {
                    tp++;
                } else {
                    fn++;
                }
                if (!(o.flagged() && o.correctCategory())) {
                    misses.add(o);
                }
            } else {
                nb++;
                if (o.flagged()) {
                    fp++;
                    misses.add(o);
                }
            }
        }
        return new Report(
                rows,
                new Row("overall (binary)", na + nb, tp, fp, fn, 0),
                new Row("benign+hard_benign", nb, 0, fp, 0, 0),
                misses);
    }

    static String table(Report r, String title) {
        StringBuilder b = new StringBuilder();
        b.append(title).append('\n');
        b.append(String.format(
                Locale.ROOT,
                "| %-20s | %4s | %4s | %4s | %4s | %9s | %6s | %6s | %6s |%n",
                "label",
                "n",
                "TP",
                "FP",
                "FN",
                "wrong cat",
                "P",
                "R",
                "F1"));
        b.append("|----------------------|------|------|------|------|-----------|--------|--------|--------|\n");
        for (Row row : r.rows().values()) {
            b.append(String.format(
                    Locale.ROOT,
                    "| %-20s | %4d | %4d | %4d | %4d | %9d | %6.3f | %6.3f | %6.3f |%n",
                    row.label(),
                    row.n(),
                    row.tp(),
                    row.fp(),
                    row.fn(),
                    row.wrongCategory(),
                    row.precision(),
                    row.recall(),
                    row.f1()));
        }
        Row o = r.overall();
        b.append(String.format(
                Locale.ROOT,
                "| %-20s | %4d | %4d | %4d | %4d | %9s | %6.3f | %6.3f | %6.3f |%n",
                o.label(),
                o.n(),
                o.tp(),
                o.fp(),
                o.fn(),
                "-",
                o.precision(),
                o.recall(),
                o.f1()));
        Row bn = r.benign();
        b.append(String.format(
                Locale.ROOT, "false-positive rate on benign+hard_benign: %d/%d = %.3f%n", bn.fp(), bn.n(), bn.fpr()));
        return b.toString();
    }

    static String misses(Report r) {
        StringBuilder b = new StringBuilder();
        for (Outcome o : r.misses()) {
            b.append(String.format(
                    Locale.ROOT,
                    "  %-22s %-8s %s  <- %s%n",
                    o.item().id(),
                    o.result().verdict(),
                    o.item().text().replace('\n', ' '),
                    o.result().violations().stream()
                            .map(f -> f.ruleId() + "(" + f.severity() + ")")
                            .toList()));
        }
        return b.toString();
    }
}
