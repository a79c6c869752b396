package io.safla.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Memory settings of the JSON profile ({@code memory} section) and the seed's memory variables. */
@Validated
@ConfigurationProperties("safla.memory")
public record MemoryProperties(
        @DefaultValue @Valid Vector vector,
        @DefaultValue @Valid Episodic episodic,
        @DefaultValue @Valid Semantic semantic,
        @DefaultValue @Valid Working working) {

    /**
     * @param dimensions 384 selects the all-MiniLM-L6-v2 model; other sizes use the hashing embedder
     * @param maxSize items kept before eviction
     * @param similarityMetric default metric for searches
     * @param visitorShare share of {@code maxSize} that visitors' items may fill on a public deployment; a visitor's
     *     new item evicts the least recently used visitor item, never an operator's or the seed's
     */
    public record Vector(
            @DefaultValue("384") @AllowedValues({384, 512, 768, 1024, 1536})
            int dimensions,

            @DefaultValue("1000") @Min(10) @Max(10000) int maxSize,
            @DefaultValue("cosine") @NotNull SimilarityMetric similarityMetric,

            @DefaultValue("0.25") @DecimalMin("0.0") @DecimalMax("1.0")
            double visitorShare) {}

    /**
     * @param maxEpisodes episodes kept before the oldest are dropped
     * @param retentionDays age after which an episode is forgotten
     */
    public record Episodic(
            @DefaultValue("500") @Min(10) @Max(100000) int maxEpisodes,
            @DefaultValue("30") @Min(1) @Max(3650) int retentionDays) {}

    /**
     * @param maxNodes concepts in the knowledge graph
     * @param maxEdges relations in the knowledge graph
     */
    public record Semantic(
            @DefaultValue("1000") @Min(10) @Max(100000) int maxNodes,
            @DefaultValue("5000") @Min(10) @Max(500000) int maxEdges) {}

    /**
     * @param capacity items in the active context
     * @param attentionThreshold attention below which an item leaves the context
     */
    public record Working(
            @DefaultValue("10") @Min(1) @Max(100) int capacity,

            @DefaultValue("0.3") @DecimalMin("0.0") @DecimalMax("1.0")
            double attentionThreshold) {}

    public enum SimilarityMetric {
        COSINE,
        DOT,
        EUCLIDEAN,
        MANHATTAN
    }
}
