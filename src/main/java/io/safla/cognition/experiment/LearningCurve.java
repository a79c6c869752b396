package io.safla.cognition.experiment;

import io.safla.cognition.AdaptiveRetrieval;
import io.safla.embedding.CachingEmbedder;
import io.safla.embedding.Embedder;
import io.safla.embedding.HashingEmbedder;
import io.safla.embedding.MiniLmEmbedder;
import java.util.Locale;
import java.util.Map;

/**
 * Command-line entry of {@code scripts/learning-curve.sh}: prints one line per round and, last, one JSON line
 * {@code {"baseline_ndcg", "final_ndcg", "rounds", "control_baseline_ndcg", "control_final_ndcg", ...}}.
 *
 * <p>Usage: {@code LearningCurve [--rounds R] [--seed S] [--batch B] [--embedder minilm|hashing]
 *     [--diagnose SPLIT]}
 */
public final class LearningCurve {

    private LearningCurve() {}

    public static void main(String[] args) throws Exception {
        int rounds = 10;
        long seed = 7;
        int batch = 6;
        String embedderName = "minilm";
        String diagnose = null;
        Double alpha = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(require(args[i], value));
                case "--seed" -> seed = Long.parseLong(require(args[i], value));
                case "--batch" -> batch = Integer.parseInt(require(args[i], value));
                case "--embedder" -> embedderName = require(args[i], value);
                case "--diagnose" -> diagnose = require(args[i], value);
                case "--alpha" -> alpha = Double.parseDouble(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        Embedder embedder = switch (embedderName) {
            case "minilm" -> new MiniLmEmbedder();
            case "hashing" -> new HashingEmbedder(384);
            default -> throw new IllegalArgumentException("--embedder must be minilm or hashing");
        };
        RetrievalSet set = RetrievalSet.bundled();
        if (diagnose != null) {
            // per-kind nDCG of each fixed strategy: for designing the method, meant for the feedback split only
            new LearningExperiment(set, new CachingEmbedder(embedder, 10_000), seed, batch)
                    .strategyTable(diagnose)
                    .forEach((kind, row) -> System.out.println(kind + " " + row));
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "# %d items, %d feedback / %d held-out / %d control queries, embedder %s, " + "seed %d, batch %d%n",
                set.items().size(),
                set.split("feedback").size(),
                set.split("heldout").size(),
                set.split("control").size(),
                embedder.name(),
                seed,
                batch);
        System.out.println("# round  feedback_ndcg  heldout_ndcg  control_ndcg  kept/rolled_back  hybrid_w  threshold  "
                + "heldout_strategies");
        LearningExperiment experiment = new LearningExperiment(set, new CachingEmbedder(embedder, 10_000), seed, batch);
        if (alpha != null) {
            AdaptiveRetrieval.Config d = AdaptiveRetrieval.Config.defaults(seed);
            experiment.withLearnerConfig(new AdaptiveRetrieval.Config(
                    alpha,
                    d.defaultPrior(),
                    d.switchMargin(),
                    d.initialHybridWeight(),
                    d.weightLearningRate(),
                    d.maxThreshold(),
                    seed));
        }
        LearningExperiment.Result result = experiment.run(
                rounds,
                r -> System.out.printf(
                        Locale.ROOT,
                        "%7d  %13.4f  %12.4f  %12.4f  %7d/%-8d  %8.3f  %9.3f  %s%n",
                        r.round(),
                        r.feedbackNdcg(),
                        r.heldOutNdcg(),
                        r.controlNdcg(),
                        r.cyclesKept(),
                        r.cyclesRolledBack(),
                        r.hybridWeight(),
                        r.threshold(),
                        r.heldOutStrategies()));
        for (Map.Entry<String, double[]> e : result.heldOutByKind().entrySet()) {
            System.out.printf(
                    Locale.ROOT,
                    "# held-out %-11s before %.4f  after %.4f%n",
                    e.getKey(),
                    e.getValue()[0],
                    e.getValue()[1]);
        }
        double base = result.baseline().heldOutNdcg();
        double last = result.last().heldOutNdcg();
        System.out.printf(
                Locale.ROOT,
                "{\"baseline_ndcg\":%.4f,\"final_ndcg\":%.4f,\"rounds\":%d,"
                        + "\"control_baseline_ndcg\":%.4f,\"control_final_ndcg\":%.4f,\"relative_gain\":%.4f,\"seed\":%d,"
                        + "\"embedder\":\"%s\"}%n",
                base,
                last,
                rounds,
                result.baseline().controlNdcg(),
                result.last().controlNdcg(),
                base == 0 ? 0 : (last - base) / base,
                seed,
                embedderName);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
