package io.safla.cognition;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.memory.MemoryItem;
import io.safla.memory.MemoryType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrategiesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");
    private static final RetrievalStrategy.Context CONTEXT = new RetrievalStrategy.Context(0.5, NOW);

    private static Candidate candidate(
            String id, double cosine, double lexical, double importance, int daysAgo, float... vector) {
        MemoryItem item = new MemoryItem(
                id,
                "text " + id,
                MemoryType.SEMANTIC,
                Set.of(),
                importance,
                NOW.minusSeconds(86_400L * daysAgo),
                Map.of());
        return new Candidate(item, cosine, lexical, vector.length == 0 ? new float[] {1, 0} : vector);
    }

    private static List<String> ids(List<Candidate> ranked) {
        return ranked.stream().map(Candidate::id).toList();
    }

    @Test
    void cosineOrdersBySimilarityAndCutsAtK() {
        List<Candidate> pool =
                List.of(candidate("a", 0.5, 0, 0.5, 1), candidate("b", 0.9, 0, 0.5, 1), candidate("c", 0.7, 0, 0.5, 1));
        assertThat(ids(Strategies.byName("cosine").rank(pool, CONTEXT, 2))).containsExactly("b", "c");
    }

    @Test
    void hybridFollowsItsWeight_fromCosineToLexical() {
        List<Candidate> pool = List.of(
                candidate("semantic", 0.9, 0, 0.5, 1),
                candidate("lexical", 0.8, 6, 0.5, 1),
                candidate("neither", 0.1, 0, 0.5, 1));
        RetrievalStrategy hybrid = Strategies.byName("hybrid");
        assertThat(ids(hybrid.rank(pool, new RetrievalStrategy.Context(0.05, NOW), 3))
                        .get(0))
                .isEqualTo("semantic");
        assertThat(ids(hybrid.rank(pool, new RetrievalStrategy.Context(0.5, NOW), 3))
                        .get(0))
                .isEqualTo("lexical");
    }

    @Test
    void recencyLiftsTheNewestOfSimilarItems_butNotAnUnrelatedNewOne() {
        List<Candidate> pool = List.of(
                candidate("old", 0.80, 0, 0.5, 200),
                candidate("new", 0.78, 0, 0.5, 1),
                candidate("unrelated-new", 0.10, 0, 0.5, 0));
        assertThat(ids(Strategies.byName("recency").rank(pool, CONTEXT, 3)))
                .containsExactly("new", "old", "unrelated-new");
        assertThat(ids(Strategies.byName("cosine").rank(pool, CONTEXT, 1))).containsExactly("old");
    }

    @Test
    void importanceLiftsTheImportantOfSimilarItems() {
        List<Candidate> pool = List.of(
                candidate("chatter", 0.80, 0, 0.1, 1),
                candidate("decision", 0.76, 0, 0.95, 1),
                candidate("low", 0.2, 0, 0.1, 1));
        assertThat(ids(Strategies.byName("importance").rank(pool, CONTEXT, 1))).containsExactly("decision");
    }

    @Test
    void mmrSkipsANearDuplicateOfWhatItAlreadyPicked() {
        List<Candidate> pool = List.of(
                candidate("a", 0.9, 0, 0.5, 1, 1, 0),
                candidate("a-copy", 0.89, 0, 0.5, 1, 1, 0),
                candidate("b", 0.7, 0, 0.5, 1, 0, 1));
        assertThat(ids(Strategies.byName("mmr").rank(pool, CONTEXT, 2))).containsExactly("a", "b");
        assertThat(ids(Strategies.byName("cosine").rank(pool, CONTEXT, 2))).containsExactly("a", "a-copy");
    }

    @Test
    void armOrderStartsWithTheCosineDefault() {
        assertThat(Strategies.ALL)
                .extracting(RetrievalStrategy::name)
                .containsExactly("cosine", "hybrid", "recency", "importance", "mmr");
    }
}
