package io.safla.memory.consolidation;

/**
 * Thresholds of a {@link Consolidator}.
 *
 * @param workingToEpisodicAttention a working item whose current attention is at least this becomes an episode
 * @param episodicToSemanticImportance an episode at least this important takes part in clustering
 * @param clusterSimilarity cosine an episode needs with a cluster's or concept's centroid to join it
 * @param minClusterSize members a new cluster needs to become a concept
 * @param relatedSimilarity centroid cosine at which two concepts get a RELATED_TO relation, and a new concept a
 *     DERIVED_FROM relation to the hand-made concept whose text it resembles most
 */
public record ConsolidationPolicy(
        double workingToEpisodicAttention,
        double episodicToSemanticImportance,
        double clusterSimilarity,
        int minClusterSize,
        double relatedSimilarity) {

    public ConsolidationPolicy {
        requireIn(workingToEpisodicAttention, "workingToEpisodicAttention");
        requireIn(episodicToSemanticImportance, "episodicToSemanticImportance");
        requireIn(clusterSimilarity, "clusterSimilarity");
        requireIn(relatedSimilarity, "relatedSimilarity");
        if (workingToEpisodicAttention == 0 || clusterSimilarity == 0 || relatedSimilarity == 0) {
            throw new IllegalArgumentException("attention and similarity thresholds must be > 0");
        }
        if (minClusterSize < 1) {
            throw new IllegalArgumentException("minClusterSize must be >= 1, got " + minClusterSize);
        }
    }

    /**
     * The four thresholds the card names; concepts relate at half the clustering similarity, since two clusters
     * that stayed separate are by construction less similar than members of one.
     */
    public ConsolidationPolicy(
            double workingToEpisodicAttention,
            double episodicToSemanticImportance,
            double clusterSimilarity,
            int minClusterSize) {
        this(
                workingToEpisodicAttention,
                episodicToSemanticImportance,
                clusterSimilarity,
                minClusterSize,
                clusterSimilarity / 2);
    }

    /**
     * Defaults chosen on the demo corpus with the hashing embedder, whose cosine between unrelated sentences is
     * already 0.1 to 0.25 because function words are hashed too: at 0.4 only near-paraphrases cluster, pairs
     * already count as a recurring theme, and concepts relate only above 0.45, below which the hashing embedder
     * linked unrelated themes through shared words like "the". A sentence-transformer needs its own tuning.
     */
    public static ConsolidationPolicy defaults() {
        return new ConsolidationPolicy(0.5, 0.6, 0.4, 2, 0.45);
    }

    private static void requireIn(double v, String name) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        }
    }
}
