package io.safla.cognition.experiment;

import io.safla.cognition.AdaptiveRetrieval;
import io.safla.cognition.CandidateRetriever;
import io.safla.cognition.CycleRecord;
import io.safla.cognition.DeltaEvaluator;
import io.safla.cognition.FeedbackLoop;
import io.safla.cognition.Judgement;
import io.safla.cognition.RankingQuality;
import io.safla.cognition.SafetyGate;
import io.safla.embedding.Embedder;
import io.safla.memory.MemoryEngine;
import io.safla.memory.vector.EvictionPolicy;
import io.safla.memory.vector.ScalarKernel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The learning-curve experiment: loads a {@link RetrievalSet} into a real {@link MemoryEngine}, measures nDCG@10 of
 * the untrained default on the held-out and control splits, then runs rounds of simulated feedback on the feedback
 * split through the {@link FeedbackLoop} and measures again after every round. The held-out and control splits are
 * never shown to the learner. Seeded: same seed and embedder, same numbers.
 */
public final class LearningExperiment {

    /** The simulated visitors' clock: "now" for recency, just after the newest item of the set. */
    static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

    private final RetrievalSet set;
    private final Embedder embedder;
    private final long seed;
    private final int batchSize;
    private AdaptiveRetrieval.Config learnerConfig;

    public LearningExperiment(RetrievalSet set, Embedder embedder, long seed, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1");
        }
        this.set = set;
        this.embedder = embedder;
        this.seed = seed;
        this.batchSize = batchSize;
        this.learnerConfig = AdaptiveRetrieval.Config.defaults(seed);
    }

    /** Replaces the learner's default configuration (for studying the method on the feedback split). */
    public LearningExperiment withLearnerConfig(AdaptiveRetrieval.Config config) {
        this.learnerConfig = config;
        return this;
    }

    /** One measured point of the curve. */
    public record Round(
            int round,
            double feedbackNdcg,
            double heldOutNdcg,
            double controlNdcg,
            Map<String, Integer> heldOutStrategies,
            int cyclesKept,
            int cyclesRolledBack,
            double hybridWeight,
            double threshold) {}

    /** The whole curve, round 0 being the untrained default, plus nDCG per query kind before and after. */
    public record Result(List<Round> rounds, Map<String, double[]> heldOutByKind) {
        public Round baseline() {
            return rounds.get(0);
        }

        public Round last() {
            return rounds.get(rounds.size() - 1);
        }
    }

    /**
     * nDCG@10 per query kind of every fixed strategy on one split, with the learner's initial parameters: the
     * diagnosis for choosing strategies and features. Use it on the feedback split only.
     */
    public Map<String, Map<String, Double>> strategyTable(String split) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (MemoryEngine engine = newEngine(clock)) {
            AdaptiveRetrieval learner = new AdaptiveRetrieval(
                    new CandidateRetriever(engine, 50, 20), clock, AdaptiveRetrieval.Config.defaults(seed));
            Map<String, Map<String, double[]>> sums = new TreeMap<>();
            for (RetrievalSet.LabelledQuery q : set.split(split)) {
                for (var strategy : io.safla.cognition.Strategies.ALL) {
                    double ndcg = RankingQuality.ndcg(
                            learner.answer(q.query(), strategy).ids(), q.relevant(), AdaptiveRetrieval.K);
                    double[] s = sums.computeIfAbsent(q.kind(), k -> new TreeMap<>())
                            .computeIfAbsent(strategy.name(), k -> new double[2]);
                    s[0] += ndcg;
                    s[1]++;
                }
            }
            Map<String, Map<String, Double>> out = new TreeMap<>();
            sums.forEach((kind, byStrategy) -> byStrategy.forEach(
                    (name, s) -> out.computeIfAbsent(kind, k -> new TreeMap<>()).put(name, s[0] / s[1])));
            return out;
        }
    }

    private MemoryEngine newEngine(Clock clock) {
        MemoryEngine engine = new MemoryEngine(
                new MemoryEngine.Config(
                        Math.max(1, set.items().size()), EvictionPolicy.LRU, 0, Duration.ofMinutes(1), 1_000_000, 1),
                embedder,
                new ScalarKernel(),
                null,
                clock);
        engine.addAll(set.items());
        return engine;
    }

    public Result run(int roundCount, Consumer<Round> progress) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (MemoryEngine engine = newEngine(clock)) {
            AdaptiveRetrieval learner =
                    new AdaptiveRetrieval(new CandidateRetriever(engine, 50, 20), clock, learnerConfig);
            FeedbackLoop loop = new FeedbackLoop(learner, DeltaEvaluator.withDefaults(), SafetyGate.defaults(), clock);
            List<RetrievalSet.LabelledQuery> feedback = new ArrayList<>(set.split("feedback"));
            List<RetrievalSet.LabelledQuery> heldOut = set.split("heldout");
            List<RetrievalSet.LabelledQuery> control = set.split("control");
            Map<String, double[]> byKind = new TreeMap<>();
            List<Round> rounds = new ArrayList<>();
            Round start = measure(0, learner, feedback, heldOut, control, 0, 0, byKind, 0);
            rounds.add(start);
            progress.accept(start);
            Random shuffle = new Random(seed);
            for (int r = 1; r <= roundCount; r++) {
                Collections.shuffle(feedback, shuffle);
                int kept = 0;
                int rolledBack = 0;
                for (int i = 0; i < feedback.size(); i += batchSize) {
                    List<Judgement> batch = feedback.subList(i, Math.min(feedback.size(), i + batchSize)).stream()
                            .map(q -> new Judgement(q.query(), q.relevant(), Set.of()))
                            .toList();
                    CycleRecord cycle = loop.runCycle(batch, "interactive", true, false);
                    if (cycle.outcome() == CycleRecord.Outcome.KEPT) {
                        kept++;
                    } else {
                        rolledBack++;
                    }
                }
                Round round = measure(
                        r, learner, feedback, heldOut, control, kept, rolledBack, byKind, r == roundCount ? 1 : -1);
                rounds.add(round);
                progress.accept(round);
            }
            if (roundCount == 0) {
                byKind.values().forEach(v -> v[1] = v[0]);
            }
            return new Result(rounds, byKind);
        }
    }

    private static Round measure(
            int round,
            AdaptiveRetrieval learner,
            List<RetrievalSet.LabelledQuery> feedback,
            List<RetrievalSet.LabelledQuery> heldOut,
            List<RetrievalSet.LabelledQuery> control,
            int kept,
            int rolledBack,
            Map<String, double[]> byKind,
            int kindSlot) {
        Map<String, Integer> strategies = new TreeMap<>();
        double heldOutSum = 0;
        Map<String, double[]> kindSums = new TreeMap<>();
        for (RetrievalSet.LabelledQuery q : heldOut) {
            AdaptiveRetrieval.Answer a = learner.exploit(q.query());
            double ndcg = RankingQuality.ndcg(a.ids(), q.relevant(), AdaptiveRetrieval.K);
            heldOutSum += ndcg;
            strategies.merge(a.strategy().name(), 1, Integer::sum);
            double[] s = kindSums.computeIfAbsent(q.kind(), k -> new double[2]);
            s[0] += ndcg;
            s[1]++;
        }
        if (kindSlot >= 0 || round == 0) {
            int slot = round == 0 ? 0 : kindSlot;
            kindSums.forEach((kind, s) -> byKind.computeIfAbsent(kind, k -> new double[2])[slot] = s[0] / s[1]);
        }
        return new Round(
                round,
                meanNdcg(learner, feedback),
                heldOut.isEmpty() ? 0 : heldOutSum / heldOut.size(),
                meanNdcg(learner, control),
                strategies,
                kept,
                rolledBack,
                learner.hybridWeight(),
                learner.threshold());
    }

    /** Mean nDCG@{@value AdaptiveRetrieval#K} of the learner's current (exploiting) answers; 0 for no queries. */
    public static double meanNdcg(AdaptiveRetrieval learner, List<RetrievalSet.LabelledQuery> queries) {
        double sum = 0;
        for (RetrievalSet.LabelledQuery q : queries) {
            sum += RankingQuality.ndcg(learner.exploit(q.query()).ids(), q.relevant(), AdaptiveRetrieval.K);
        }
        return queries.isEmpty() ? 0 : sum / queries.size();
    }
}
