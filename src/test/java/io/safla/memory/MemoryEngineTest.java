package io.safla.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.embedding.HashingEmbedder;
import io.safla.memory.persistence.DurableLog;
import io.safla.memory.persistence.SyncPolicy;
import io.safla.memory.vector.EvictionPolicy;
import io.safla.memory.vector.Metric;
import io.safla.memory.vector.ScalarKernel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryEngineTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private final List<MemoryEngine> open = new ArrayList<>();

    private MemoryEngine engine(int capacity, int dimension, boolean durable) throws Exception {
        DurableLog log = durable ? DurableLog.open(dir, SyncPolicy.OS_BUFFERED, clock) : null;
        MemoryEngine engine = new MemoryEngine(
                new MemoryEngine.Config(capacity, EvictionPolicy.LRU, 100, Duration.ofMinutes(5), 1000, 1),
                new HashingEmbedder(dimension),
                new ScalarKernel(),
                log,
                clock);
        open.add(engine);
        return engine;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (MemoryEngine e : open) {
            e.close();
        }
    }

    private static final List<String> FACTS = List.of(
            "Transformers use self-attention to relate every token to every other token.",
            "Reinforcement learning agents learn a policy from rewards.",
            "Gradient descent updates weights against the gradient of the loss.",
            "Convolutional networks share weights across image positions.",
            "Vector databases answer nearest-neighbour queries over embeddings.");

    @Test
    void search_returnsTheRelevantItemFirst_withScoresDescending() throws Exception {
        MemoryEngine engine = engine(100, 512, false);
        FACTS.forEach(f -> engine.add(NewMemory.of(f)));

        SearchResult result = engine.search(SearchRequest.of("how does self-attention in transformers work", 3));

        assertThat(result.hits()).hasSize(3);
        assertThat(result.hits().get(0).item().text()).startsWith("Transformers use self-attention");
        assertThat(result.hits())
                .extracting(SearchResult.Hit::score)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(result.cached()).isFalse();
    }

    @Test
    void search_thresholdAndTypeFilter_areApplied() throws Exception {
        MemoryEngine engine = engine(100, 512, false);
        FACTS.forEach(f -> engine.add(NewMemory.of(f)));
        engine.add(NewMemory.of("I watched the transformers attention demo and it went well.", MemoryType.EPISODIC));

        SearchResult episodic =
                engine.search(SearchRequest.of("transformers attention", 10).withTypes(Set.of(MemoryType.EPISODIC)));
        SearchResult strict =
                engine.search(SearchRequest.of("transformers attention", 10).withThreshold(0.99));

        assertThat(episodic.hits())
                .singleElement()
                .satisfies(h -> assertThat(h.item().type()).isEqualTo(MemoryType.EPISODIC));
        assertThat(strict.hits()).isEmpty();
    }

    @Test
    void cache_answersARepeatedSearch_andAnyWriteInvalidatesIt() throws Exception {
        MemoryEngine engine = engine(100, 512, false);
        FACTS.forEach(f -> engine.add(NewMemory.of(f)));
        SearchRequest request = SearchRequest.of("reinforcement learning rewards", 2);

        assertThat(engine.search(request).cached()).isFalse();
        assertThat(engine.search(request).cached()).isTrue();
        assertThat(engine.search(request.withMetric(Metric.EUCLIDEAN)).cached()).isFalse();

        engine.add(NewMemory.of("Rewards shape what a reinforcement learning agent does."));

        SearchResult after = engine.search(request);
        assertThat(after.cached()).isFalse();
        assertThat(after.hits().get(0).item().text()).containsIgnoringCase("reinforcement learning");
    }

    @Test
    void restart_recoversExactlyTheSameState() throws Exception {
        MemoryEngine first = engine(100, 512, true);
        List<MemoryItem> stored = first.addAll(FACTS.stream().map(NewMemory::of).toList());
        first.delete(stored.get(1).id());
        String checksum = first.checksum();
        first.close();
        open.remove(first);

        MemoryEngine second = engine(100, 512, true);

        assertThat(second.size()).isEqualTo(4);
        assertThat(second.checksum()).isEqualTo(checksum);
        assertThat(second.get(stored.get(1).id())).isEmpty();
    }

    @Test
    void crashWithoutClose_losesNoAcknowledgedWrite() throws Exception {
        MemoryEngine crashed = engine(100, 512, true);
        crashed.addAll(FACTS.stream().map(NewMemory::of).toList());
        String checksum = crashed.checksum();
        open.remove(crashed); // never closed: no final snapshot, like kill -9

        MemoryEngine recovered = engine(100, 512, true);

        assertThat(recovered.checksum()).isEqualTo(checksum);
        assertThat(recovered.recoveryReport().entriesReplayed()).isEqualTo(FACTS.size());
    }

    @Test
    void capacity_evictsTheLeastRecentlyUsed_andTheEvictionIsDurable() throws Exception {
        MemoryEngine engine = engine(3, 512, true);
        MemoryItem a = engine.add(NewMemory.of(FACTS.get(0)));
        MemoryItem b = engine.add(NewMemory.of(FACTS.get(1)));
        MemoryItem c = engine.add(NewMemory.of(FACTS.get(2)));
        engine.get(a.id());

        engine.add(NewMemory.of(FACTS.get(3)));

        assertThat(engine.get(b.id())).isEmpty();
        assertThat(engine.get(a.id())).isPresent();
        assertThat(engine.get(c.id())).isPresent();
        assertThat(engine.stats().evictions()).isEqualTo(1);
        engine.close();
        open.remove(engine);
        assertThat(engine(3, 512, true).get(b.id())).isEmpty();
    }

    @Test
    void export_thenImport_roundTripsTextsAndMetadata() throws Exception {
        MemoryEngine source = engine(100, 512, false);
        source.add(new NewMemory(
                "fact-1",
                FACTS.get(0),
                MemoryType.SEMANTIC,
                Set.of("nlp", "attention"),
                0.9,
                null,
                Map.of("source", "paper")));
        source.add(NewMemory.of(FACTS.get(1), MemoryType.EPISODIC));

        MemoryEngine target = engine(100, 768, false);
        MemoryEngine.ImportReport report = target.importJson(source.exportJson());

        assertThat(report.applied()).isTrue();
        assertThat(report.imported()).isEqualTo(2);
        MemoryItem fact = target.get("fact-1").orElseThrow();
        assertThat(fact.type()).isEqualTo(MemoryType.SEMANTIC);
        assertThat(fact.tags()).containsExactly("attention", "nlp");
        assertThat(fact.metadata()).containsEntry("source", "paper");
        assertThat(fact.importance()).isEqualTo(0.9);
    }

    @Test
    void import_withOneBadItem_changesNothingAndSaysWhy() throws Exception {
        MemoryEngine engine = engine(100, 512, false);
        engine.add(NewMemory.of(FACTS.get(0)));
        String checksum = engine.checksum();
        String file = """
                {"items": [{"text": "fine"}, {"text": "   "}, {"text": "x", "type": "dream"},
                           {"text": "y", "importance": 3}]}
                """;

        MemoryEngine.ImportReport report = engine.importJson(file.getBytes(StandardCharsets.UTF_8));

        assertThat(report.applied()).isFalse();
        assertThat(report.problems())
                .containsExactly(
                        "items[1].text: must not be blank",
                        "items[2]: unknown memory type 'dream'; allowed: vector, episodic, semantic, working",
                        "items[3]: importance must be in [0, 1]");
        assertThat(engine.checksum()).isEqualTo(checksum);
        assertThat(engine.importJson("{not json".getBytes(StandardCharsets.UTF_8))
                        .problems())
                .singleElement()
                .asString()
                .startsWith("not valid JSON");
    }

    @Test
    void csv_quotesCommasQuotesNewlinesAndDefusesFormulas() throws Exception {
        MemoryEngine engine = engine(100, 512, false);
        engine.add(new NewMemory("a", "plain", MemoryType.VECTOR, Set.of(), 0.5, null, Map.of()));
        engine.add(new NewMemory(
                "b", "say \"hi\", then\nleave", MemoryType.VECTOR, Set.of("x", "y"), 0.5, null, Map.of()));
        engine.add(new NewMemory("c", "=cmd|' /C calc'!A0", MemoryType.VECTOR, Set.of(), 0.5, null, Map.of()));

        String csv = engine.exportCsv();

        assertThat(csv).startsWith("id,type,text,tags,importance,created_at\r\n");
        assertThat(csv).contains("b,vector,\"say \"\"hi\"\", then\nleave\",x;y,0.5,");
        assertThat(csv).contains("c,vector,'=cmd|' /C calc'!A0,,0.5,");
        assertThat(csv).contains("a,vector,plain,,0.5,");
    }

    @Test
    void reembed_changesDimension_keepsEveryItem_andReportsProgress() throws Exception {
        MemoryEngine engine = engine(100, 512, true);
        engine.addAll(FACTS.stream().map(NewMemory::of).toList());
        List<Integer> progress = new ArrayList<>();

        engine.reembed(new HashingEmbedder(768), progress::add);

        assertThat(engine.stats().dimension()).isEqualTo(768);
        assertThat(engine.size()).isEqualTo(FACTS.size());
        assertThat(progress).last().isEqualTo(100);
        assertThat(engine.search(SearchRequest.of("gradient descent loss", 1))
                        .hits()
                        .get(0)
                        .item()
                        .text())
                .startsWith("Gradient descent");
    }

    @Test
    void restart_withAnotherEmbedder_reembedsStoredTexts() throws Exception {
        MemoryEngine first = engine(100, 512, true);
        first.addAll(FACTS.stream().map(NewMemory::of).toList());
        first.close();
        open.remove(first);

        MemoryEngine second = engine(100, 1024, true);

        assertThat(second.size()).isEqualTo(FACTS.size());
        assertThat(second.stats().dimension()).isEqualTo(1024);
        assertThat(second.recoveryReport().problems())
                .anySatisfy(p -> assertThat(p).contains("re-embedded"));
        assertThat(second.search(SearchRequest.of("convolutional image networks", 1))
                        .hits()
                        .get(0)
                        .item()
                        .text())
                .startsWith("Convolutional");
    }

    @Test
    void invalidInput_isRejectedWithAClearMessage() throws Exception {
        MemoryEngine engine = engine(100, 512, false);

        assertThatThrownBy(() -> engine.add(NewMemory.of("  "))).hasMessage("text must not be blank");
        assertThatThrownBy(() -> engine.add(NewMemory.of("x".repeat(10_001))))
                .hasMessage("text is longer than 10000 characters");
        assertThatThrownBy(() -> SearchRequest.of("q", 0)).hasMessage("k must be between 1 and 100, got 0");
        assertThatThrownBy(() -> SearchRequest.of("q", 5).withThreshold(2))
                .hasMessage("threshold must be between 0 and 1, got 2.0");
    }

    @Test
    void exportState_thenRestoreState_reproducesTheChecksumExactly_andIsDurable() throws Exception {
        MemoryEngine engine = engine(100, 512, true);
        engine.addAll(FACTS.subList(0, 3).stream().map(NewMemory::of).toList());
        byte[] saved = engine.exportState();
        String checksum = engine.checksum();
        engine.add(NewMemory.of(FACTS.get(3)));
        engine.delete(engine.list(i -> true).get(1).id());
        assertThat(engine.checksum()).isNotEqualTo(checksum);

        engine.restoreState(saved);

        assertThat(engine.checksum()).isEqualTo(checksum);
        assertThat(engine.size()).isEqualTo(3);
        engine.close();
        open.remove(engine);
        assertThat(engine(100, 512, true).checksum()).isEqualTo(checksum);
    }

    @Test
    void freeze_refusesEveryWriteUntilReleased_butReadsWork() throws Exception {
        MemoryEngine engine = engine(100, 512, false);
        MemoryItem item = engine.add(NewMemory.of(FACTS.get(0)));

        engine.freezeWrites("drill");

        assertThatThrownBy(() -> engine.add(NewMemory.of("x")))
                .isInstanceOf(WritesFrozenException.class)
                .hasMessageContaining("drill");
        assertThatThrownBy(() -> engine.delete(item.id())).isInstanceOf(WritesFrozenException.class);
        assertThatThrownBy(() -> engine.importJson("[{\"text\": \"y\"}]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WritesFrozenException.class);
        assertThat(engine.search(SearchRequest.of("transformers", 1)).hits()).hasSize(1);
        assertThat(engine.frozen())
                .get()
                .extracting(MemoryEngine.Freeze::reason)
                .isEqualTo("drill");

        engine.releaseWrites();

        assertThat(engine.add(NewMemory.of("after release")).text()).isEqualTo("after release");
    }

    @Test
    void storedVectors_reinsertedBitForBit_soRestoresAreExact() throws Exception {
        MemoryEngine engine = engine(100, 512, false);
        MemoryItem item = engine.add(NewMemory.of(FACTS.get(0)));
        float[] stored = engine.vectorOf(item.id()).orElseThrow();

        MemoryEngine other = engine(100, 512, false);
        other.restoreState(engine.exportState());

        assertThat(other.vectorOf(item.id()).orElseThrow()).containsExactly(stored);
        assertThat(other.checksum()).isEqualTo(engine.checksum());
    }

    @Test
    void bulkWrites_sendTheConfiguredBatchSizeToTheEmbedder() {
        List<Integer> addCalls = new ArrayList<>();
        MemoryEngine engine = new MemoryEngine(
                new MemoryEngine.Config(100, EvictionPolicy.LRU, 100, Duration.ofMinutes(5), 1000, 1),
                batchRecorder(addCalls, 512),
                new ScalarKernel(),
                null,
                clock);
        open.add(engine);
        engine.setEmbedBatchSize(2);

        engine.addAll(FACTS.stream().map(NewMemory::of).toList());
        assertThat(addCalls).containsExactly(2, 2, 1);

        List<Integer> reembedCalls = new ArrayList<>();
        engine.setEmbedBatchSize(4);
        engine.reembed(batchRecorder(reembedCalls, 768), p -> {});
        assertThat(reembedCalls).containsExactly(4, 1);
        assertThatThrownBy(() -> engine.setEmbedBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    /** A hashing embedder that records the size of every batch call. */
    private static io.safla.embedding.Embedder batchRecorder(List<Integer> calls, int dimension) {
        HashingEmbedder hashing = new HashingEmbedder(dimension);
        return new io.safla.embedding.Embedder() {
            public String name() {
                return hashing.name();
            }

            public int dimension() {
                return hashing.dimension();
            }

            public float[] embed(String text) {
                return hashing.embed(text);
            }

            public List<float[]> embedAll(List<String> texts) {
                calls.add(texts.size());
                return hashing.embedAll(texts);
            }
        };
    }
}
