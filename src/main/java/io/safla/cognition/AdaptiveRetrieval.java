package io.safla.cognition;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The learner: which strategy to use for a query (a {@link LinUcbBandit} over {@link QueryFeatures}), the hybrid's
 * lexical weight and the similarity threshold, all adapted from relevance feedback, and all captured by
 * {@link #snapshot()} so an adaptation can be undone exactly.
 *
 * <p>Thread-safe: every public method holds the learner's lock.
 */
public final class AdaptiveRetrieval {

    /** Results a strategy returns and feedback is scored on. */
    public static final int K = 10;

    /** Configuration of the learner. */
    public record Config(
            double alpha,
            double defaultPrior,
            double switchMargin,
            double initialHybridWeight,
            double weightLearningRate,
            double maxThreshold,
            long seed) {

        public Config {
            if (!(alpha >= 0)
                    || !(switchMargin >= 0)
                    || !(initialHybridWeight >= 0 && initialHybridWeight <= 1)
                    || !(weightLearningRate >= 0)
                    || !(maxThreshold >= 0 && maxThreshold <= 1)) {
                throw new IllegalArgumentException("invalid learner configuration");
            }
        }

        public static Config defaults(long seed) {
            return new Config(1.0, 0.05, 0.03, 0.5, 0.2, 0.4, seed);
        }
    }

    private final CandidateRetriever retriever;
    private final Clock clock;
    private final Config config;
    private final LinUcbBandit bandit;
    private double hybridWeight;
    private double threshold;

    public AdaptiveRetrieval(CandidateRetriever retriever, Clock clock, Config config) {
        this.retriever = retriever;
        this.clock = clock;
        this.config = config;
        this.bandit = new LinUcbBandit(
                Strategies.ALL.size(),
                QueryFeatures.DIMENSION,
                config.alpha(),
                Strategies.indexOf("cosine"),
                config.defaultPrior(),
                config.switchMargin(),
                config.seed());
        this.hybridWeight = config.initialHybridWeight();
        this.threshold = 0;
    }

    /** A ranking and how it was made. */
    public record Answer(
            String query,
            RetrievalStrategy strategy,
            List<Candidate> ranking,
            QueryFeatures features,
            long tookMicros) {

        public List<String> ids() {
            return ranking.stream().map(Candidate::id).toList();
        }
    }

    /** Answers with exploration (the bandit's upper confidence bound): what a live search uses. */
    public synchronized Answer explore(String query) {
        QueryFeatures f = QueryFeatures.of(query);
        return answer(query, Strategies.ALL.get(bandit.select(f.vector())));
    }

    /** Answers with the strategy the learner currently believes best: what evaluation uses. */
    public synchronized Answer exploit(String query) {
        QueryFeatures f = QueryFeatures.of(query);
        return answer(query, Strategies.ALL.get(bandit.greedy(f.vector())));
    }

    /** Answers with a given strategy, whatever the bandit thinks. */
    public synchronized Answer answer(String query, RetrievalStrategy strategy) {
        long start = System.nanoTime();
        List<Candidate> pool = retriever.candidates(query, threshold);
        List<Candidate> ranking = strategy.rank(pool, context(), K);
        return new Answer(query, strategy, ranking, QueryFeatures.of(query), (System.nanoTime() - start) / 1000);
    }

    /** What one piece of feedback changed. */
    public record Learned(
            String query,
            String strategy,
            double reward,
            double hybridWeightBefore,
            double hybridWeightAfter,
            double thresholdBefore,
            double thresholdAfter,
            List<String> features) {}

    /**
     * Learns from a judgement on an answer that was shown: the strategy that produced it is rewarded by
     * {@link RankingQuality#reward}, and the hybrid weight and threshold move with the judged items' scores.
     */
    public synchronized Learned learn(Answer shown, Judgement judgement) {
        double reward = RankingQuality.reward(shown.ids(), judgement, K);
        bandit.update(
                Strategies.indexOf(shown.strategy().name()), shown.features().vector(), reward);
        double weightBefore = hybridWeight;
        double thresholdBefore = threshold;
        adaptParameters(judgement);
        return new Learned(
                judgement.query(),
                shown.strategy().name(),
                reward,
                weightBefore,
                hybridWeight,
                thresholdBefore,
                threshold,
                shown.features().activeNames());
    }

    /**
     * Full-information learning for a judgement made on some other list (e.g. the plain memory search): every
     * strategy's answer is scored against the judgement and every arm is updated with its own reward; the result
     * names the strategy that scored best.
     */
    public synchronized Learned learnCounterfactually(Judgement judgement) {
        QueryFeatures f = QueryFeatures.of(judgement.query());
        String best = "cosine";
        double bestReward = -1;
        for (RetrievalStrategy s : Strategies.ALL) {
            double reward = RankingQuality.reward(answer(judgement.query(), s).ids(), judgement, K);
            bandit.update(Strategies.indexOf(s.name()), f.vector(), reward);
            if (reward > bestReward + 1e-12) {
                best = s.name();
                bestReward = reward;
            }
        }
        double weightBefore = hybridWeight;
        double thresholdBefore = threshold;
        adaptParameters(judgement);
        return new Learned(
                judgement.query(),
                best,
                bestReward,
                weightBefore,
                hybridWeight,
                thresholdBefore,
                threshold,
                f.activeNames());
    }

    private void adaptParameters(Judgement judgement) {
        List<Candidate> pool = retriever.candidates(judgement.query(), 0);
        adaptHybridWeight(pool, judgement);
        adaptThreshold(pool, judgement.relevant());
    }

    /**
     * Pairwise logistic step on the hybrid's weight: for each (relevant, not relevant) pair in the pool, move the
     * weight toward whichever score (lexical or cosine) separates them, more when the pair is mis-ordered.
     */
    private void adaptHybridWeight(List<Candidate> pool, Judgement judgement) {
        double[] cos = Strategies.normalised(pool, Candidate::cosine);
        double[] lex = Strategies.normalised(pool, Candidate::lexical);
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        List<Candidate> currentTop =
                Strategies.ALL.get(Strategies.indexOf("hybrid")).rank(pool, context(), K);
        for (int i = 0; i < pool.size(); i++) {
            String id = pool.get(i).id();
            if (judgement.relevant().contains(id)) {
                positives.add(i);
            } else if (judgement.irrelevant().contains(id)
                    || (!judgement.relevant().isEmpty() && currentTop.contains(pool.get(i)))) {
                // unjudged items the hybrid puts on top count as negatives when the visitor named the right one
                negatives.add(i);
            }
        }
        if (positives.isEmpty() || negatives.isEmpty()) {
            return;
        }
        double step = 0;
        for (int p : positives) {
            for (int n : negatives) {
                double dl = lex[p] - lex[n];
                double dc = cos[p] - cos[n];
                double margin = (1 - hybridWeight) * dc + hybridWeight * dl;
                step += (dl - dc) / (1 + Math.exp(4 * margin));
            }
        }
        step /= positives.size() * negatives.size();
        hybridWeight = Math.max(0.05, Math.min(0.95, hybridWeight + config.weightLearningRate() * step));
    }

    /**
     * The threshold follows the relevant items' cosines from below: it drops at once under any relevant item it
     * would have hidden, and otherwise creeps up toward 80 % of the lowest relevant cosine seen in this judgement,
     * never above the configured ceiling.
     */
    private void adaptThreshold(List<Candidate> pool, Set<String> relevant) {
        double lowest = Double.POSITIVE_INFINITY;
        for (Candidate c : pool) {
            if (relevant.contains(c.id())) {
                lowest = Math.min(lowest, c.cosine());
            }
        }
        if (lowest == Double.POSITIVE_INFINITY) {
            return;
        }
        double target = Math.max(0, Math.min(config.maxThreshold(), 0.8 * lowest));
        threshold = lowest < threshold ? target : threshold + 0.1 * (target - threshold);
    }

    private RetrievalStrategy.Context context() {
        return new RetrievalStrategy.Context(hybridWeight, clock.instant());
    }

    /** Sets the hybrid weight and threshold by hand: a proposed change, to be judged by the loop's gate. */
    public synchronized void override(double newHybridWeight, double newThreshold) {
        if (!(newHybridWeight >= 0 && newHybridWeight <= 1) || !(newThreshold >= 0 && newThreshold <= 1)) {
            throw new IllegalArgumentException("hybrid weight and threshold must be in [0, 1]");
        }
        hybridWeight = newHybridWeight;
        threshold = newThreshold;
    }

    public synchronized double hybridWeight() {
        return hybridWeight;
    }

    public synchronized double threshold() {
        return threshold;
    }

    /** Per-strategy statistics from the bandit. */
    public synchronized List<StrategyStats> strategyStats() {
        List<StrategyStats> out = new ArrayList<>();
        for (int arm = 0; arm < Strategies.ALL.size(); arm++) {
            out.add(new StrategyStats(Strategies.ALL.get(arm).name(), bandit.pulls(arm), bandit.meanReward(arm)));
        }
        return out;
    }

    /** How sure the learner is about its choice for a query: 1 minus the chosen arm's uncertainty, in [0, 1]. */
    public synchronized double confidence(String query) {
        double[] x = QueryFeatures.of(query).vector();
        return Math.max(0, 1 - bandit.uncertainty(bandit.greedy(x), x));
    }

    /** The strategy the learner would exploit for {@code query}. */
    public synchronized String preferredStrategy(String query) {
        return Strategies.ALL
                .get(bandit.greedy(QueryFeatures.of(query).vector()))
                .name();
    }

    public synchronized LearnerState snapshot() {
        return new LearnerState(bandit.snapshot(), hybridWeight, threshold);
    }

    public synchronized void restore(LearnerState state) {
        bandit.restore(state.bandit());
        hybridWeight = state.hybridWeight();
        threshold = state.threshold();
    }

    public CandidateRetriever retriever() {
        return retriever;
    }

    /** Statistics of one strategy. */
    public record StrategyStats(String strategy, long pulls, double meanReward) {}

    /** Everything the learner learned: bandit matrices, hybrid weight and threshold. */
    public record LearnerState(LinUcbBandit.State bandit, double hybridWeight, double threshold) {}
}
