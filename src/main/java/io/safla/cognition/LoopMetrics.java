package io.safla.cognition;

/**
 * What one observation of the learner measured on its guard queries (the judged queries seen so far).
 *
 * @param quality mean nDCG@10, in [0, 1]
 * @param latencyMicros mean time to answer one query (pool and re-rank), measured
 * @param stability share of guard queries whose nDCG did not drop against the kept state, in [0, 1]
 * @param capability share of guard queries with a relevant item in the top 10, in [0, 1]
 * @param queries how many guard queries were measured
 */
public record LoopMetrics(double quality, double latencyMicros, double stability, double capability, int queries) {

    public LoopMetrics {
        if (!(quality >= 0 && quality <= 1)
                || !(latencyMicros >= 0)
                || !(stability >= 0 && stability <= 1)
                || !(capability >= 0 && capability <= 1)
                || queries < 0) {
            throw new IllegalArgumentException(
                    "metrics out of range: quality, stability and capability in [0, 1]" + ", latency >= 0");
        }
    }
}
