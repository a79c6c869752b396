package io.safla.cognition;

import java.util.List;
import java.util.Set;

/** Binary-relevance ranking measures. */
public final class RankingQuality {

    private RankingQuality() {}

    /**
     * nDCG@k with binary gains: DCG of the ranking over the DCG of an ideal one with every relevant item on top.
     * 0 when nothing is relevant.
     */
    public static double ndcg(List<String> ranking, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (relevant.contains(ranking.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return dcg / ideal;
    }

    /** Whether any relevant item is in the first {@code k}. */
    public static boolean hit(List<String> ranking, Set<String> relevant, int k) {
        return ranking.stream().limit(k).anyMatch(relevant::contains);
    }

    /**
     * Reward in [0, 1] for a ranking given partial feedback. With items marked relevant: their nDCG minus half the
     * nDCG of the items marked not relevant, floored at 0. With only items marked not relevant: 1 minus their nDCG,
     * since keeping them off the top is the right answer.
     */
    public static double reward(List<String> ranking, Judgement judgement, int k) {
        if (!judgement.relevant().isEmpty()) {
            double gain = ndcg(ranking, judgement.relevant(), k);
            double cost = ndcg(ranking, judgement.irrelevant(), k);
            return Math.max(0, gain - 0.5 * cost);
        }
        return 1 - ndcg(ranking, judgement.irrelevant(), k);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
