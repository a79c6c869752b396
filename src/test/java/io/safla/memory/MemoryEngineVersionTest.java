package io.safla.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.embedding.HashingEmbedder;
import io.safla.memory.vector.EvictionPolicy;
import io.safla.memory.vector.ScalarKernel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two additions the feedback loop needs: a change counter and a search by an already embedded query. */
class MemoryEngineVersionTest {

    private static MemoryEngine engine() {
        return new MemoryEngine(
                new MemoryEngine.Config(100, EvictionPolicy.LRU, 10, Duration.ofMinutes(1), 1000, 1),
                new HashingEmbedder(256),
                new ScalarKernel(),
                null,
                Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void versionGrowsOnEveryChangeOfTheItems_andNotOnReads() throws Exception {
        try (MemoryEngine engine = engine()) {
            long start = engine.version();
            MemoryItem item = engine.add(NewMemory.of("gradient descent follows the negative gradient"));
            long afterAdd = engine.version();
            engine.search(SearchRequest.of("gradient", 3));
            engine.clearSearchCache();
            assertThat(engine.version()).isEqualTo(afterAdd).isGreaterThan(start);
            byte[] state = engine.exportState();
            engine.delete(item.id());
            long afterDelete = engine.version();
            assertThat(afterDelete).isGreaterThan(afterAdd);
            engine.restoreState(state);
            assertThat(engine.version()).isGreaterThan(afterDelete);
        }
    }

    @Test
    void searchByVectorAnswersLikeTheTextSearch() throws Exception {
        try (MemoryEngine engine = engine()) {
            engine.addAll(List.of(
                    NewMemory.of("transformers relate tokens with attention"),
                    NewMemory.of("reinforcement learning maximises reward"),
                    NewMemory.of("dropout regularises")));
            SearchRequest request = SearchRequest.of("attention between tokens", 2);
            SearchResult byText = engine.search(request);
            SearchResult byVector = engine.searchByVector(engine.embedder().embed(request.query()), request);
            assertThat(byVector.hits()).isEqualTo(byText.hits());
            assertThat(byVector.cached()).isFalse();
        }
    }
}
