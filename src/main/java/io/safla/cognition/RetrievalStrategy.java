package io.safla.cognition;

import java.time.Instant;
import java.util.List;

/** Re-ranks a candidate pool into the final answer. Implementations are pure functions of their inputs. */
public interface RetrievalStrategy {

    /** A stable short name, e.g. {@code cosine}; the bandit's arm label. */
    String name();

    /** The best {@code k} candidates in order, best first. */
    List<Candidate> rank(List<Candidate> pool, Context context, int k);

    /**
     * What a ranking may depend on besides the pool.
     *
     * @param hybridWeight the learned share of the lexical score in the hybrid, in [0, 1]
     * @param now for recency
     */
    record Context(double hybridWeight, Instant now) {
        public Context {
            if (!(hybridWeight >= 0 && hybridWeight <= 1)) {
                throw new IllegalArgumentException("hybridWeight must be in [0, 1], got " + hybridWeight);
            }
        }
    }
}
