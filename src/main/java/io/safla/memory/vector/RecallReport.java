package io.safla.memory.vector;

/**
 * Quality of the int8 search against exact search over the same queries.
 *
 * @param queries    number of queries measured
 * @param k          results per query
 * @param oversample candidates per result taken from the int8 scan before exact rescoring
 * @param recallAtK  mean fraction of the exact top-k ids also returned by the quantized search, in [0, 1]
 */
public record RecallReport(int queries, int k, int oversample, double recallAtK) {

    public RecallReport {
        if (queries < 0 || k < 1 || oversample < 1 || !(recallAtK >= 0 && recallAtK <= 1)) {
            throw new IllegalArgumentException(
                    "invalid report: " + queries + ", " + k + ", " + oversample + ", " + recallAtK);
        }
    }
}
