package io.safla.safety;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.safla.embedding.Embedder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Calibrates and evaluates the semantic layer with the real all-MiniLM-L6-v2 (quantized) model, using
 * langchain4j directly rather than the project's embedder on another branch. It is a main, not a test,
 * because loading the model takes seconds. {@code grid} searches thresholds on the TUNE split only;
 * {@code eval} prints the evaluation tables with {@link DefaultExemplars#MINILM_THRESHOLDS}. The
 * command is in docs/safety.md.
 */
public final class MiniLmCalibrationMain {

    private MiniLmCalibrationMain() {}

    static final class MiniLm implements Embedder {
        private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

        @Override
        public String name() {
            return "all-MiniLM-L6-v2-q (langchain4j)";
        }

        @Override
        public int dimension() {
            return 384;
        }

        @Override
        public float[] embed(String text) {
            float[] v = model.embed(text).content().vector();
            double n = 0;
            for (float x : v) {
                n += x * x;
            }
            float inv = (float) (1 / Math.sqrt(n));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
            return v;
        }
    }

    public static void main(String[] args) {
        MiniLm embedder = new MiniLm();
        if (args.length > 0 && args[0].equals("grid")) {
            grid(embedder);
        } else {
            eval(embedder);
        }
    }

    private static void grid(Embedder e) {
        SemanticLayer layer = new SemanticLayer(
                e, DefaultExemplars.ALL, SemanticLayer.Thresholds.of(5, new double[] {-1, -1, -1}, new double[] {0, 0, 0
                }));
        List<Corpus.Item> tune = Corpus.split("tune");
        Set<String> instruction = Set.of("prompt_injection", "jailbreak");
        List<List<SemanticLayer.Vote>> votes = new ArrayList<>();
        for (Corpus.Item it : tune) {
            List<SemanticLayer.Vote> vs = new ArrayList<>();
            for (int[] c : SemanticLayer.chunks(it.text())) {
                vs.add(layer.vote(e.embed(it.text().substring(c[0], c[1]))));
            }
            votes.add(vs);
        }
        for (double s = 0.30; s <= 0.601; s += 0.02) {
            for (double v = 0.5; v <= 0.801; v += 0.1) {
                int tp = 0;
                int n = 0;
                int fp = 0;
                int nb = 0;
                for (int i = 0; i < tune.size(); i++) {
                    final double sim = s;
                    final double vote = v;
                    boolean flagged = votes.get(i).stream()
                            .anyMatch(x -> x.category() != null && x.bestAttack() >= sim && x.attackShare() >= vote);
                    if (instruction.contains(tune.get(i).label())) {
                        n++;
                        tp += flagged ? 1 : 0;
                    } else if (!tune.get(i).attack()) {
                        nb++;
                        fp += flagged ? 1 : 0;
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "sim>=%.2f vote>=%.1f  instruction attacks %2d/%d  benign %2d/%d%n",
                        s,
                        v,
                        tp,
                        n,
                        fp,
                        nb);
            }
        }
    }

    private static void eval(Embedder e) {
        SafetyValidator v = SafetyValidator.standard(Clock.systemUTC(), e, DefaultExemplars.MINILM_THRESHOLDS);
        for (String split : List.of("tune", "test")) {
            List<Corpus.Item> items = Corpus.split(split);
            Evaluation.Report r = Evaluation.report(Evaluation.run(v, items, SafetyLevel.MODERATE));
            System.out.println(Evaluation.table(r, split.toUpperCase(Locale.ROOT) + " split, MODERATE, MiniLM"));
            int tp = 0;
            int n = 0;
            int fp = 0;
            int nb = 0;
            for (Corpus.Item it : items) {
                boolean f = !v.validate(it.text(), SafetyLevel.MODERATE, Set.of(SemanticLayer.NAME), null)
                        .violations()
                        .isEmpty();
                if (it.label().equals("prompt_injection") || it.label().equals("jailbreak")) {
                    n++;
                    tp += f ? 1 : 0;
                } else if (!it.attack()) {
                    nb++;
                    fp += f ? 1 : 0;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "semantic layer alone: instruction attacks %d/%d, benign flagged %d/%d%n%n",
                    tp,
                    n,
                    fp,
                    nb);
        }
    }
}
