package io.safla.memory.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.safla.monitor.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VectorStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(T0);

    private VectorStore store(VectorStoreConfig config) {
        return new VectorStore(config, KernelProvider.kernel(), clock);
    }

    private static float[] v(float... values) {
        return values;
    }

    /**
     * The same ids in the same order with the same scores up to float rounding: on JDK 25 the Vector API's lane
     * reduction may add in a different order in interpreted and in C2-compiled code (the spec leaves the order
     * open), so a worker thread whose kernel is compiled differently can differ in the last bit.
     */
    private static void assertSameHits(List<SearchHit> actual, List<SearchHit> expected) {
        assertThat(actual)
                .extracting(SearchHit::id)
                .containsExactlyElementsOf(expected.stream().map(SearchHit::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).similarity()).isCloseTo(expected.get(i).similarity(), within(1e-6));
        }
    }

    private static float[] randomUnit(Random rnd, int dim) {
        float[] x = new float[dim];
        double s = 0;
        for (int i = 0; i < dim; i++) {
            x[i] = (float) rnd.nextGaussian();
            s += x[i] * x[i];
        }
        for (int i = 0; i < dim; i++) {
            x[i] /= (float) Math.sqrt(s);
        }
        return x;
    }

    @Test
    void put_vector_isStoredNormalisedWithMetadata() {
        VectorStore s = store(VectorStoreConfig.of(2));
        s.put("a", v(3, 4), new ItemMetadata("note", Set.of("x"), 0.5f, null));

        StoredItem item = s.get("a").orElseThrow();
        assertThat(item.vector()).containsExactly(0.6f, 0.8f);
        assertThat(item.type()).isEqualTo("note");
        assertThat(item.tags()).containsExactly("x");
        assertThat(item.createdAt()).isEqualTo(T0);
    }

    @Test
    void put_invalidVectors_areRejected() {
        VectorStore s = store(VectorStoreConfig.of(3));
        ItemMetadata m = ItemMetadata.of("t");

        assertThatThrownBy(() -> s.put("z", v(0, 0, 0), m))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero norm");
        assertThatThrownBy(() -> s.put("n", v(1, Float.NaN, 0), m)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.put("i", v(1, Float.POSITIVE_INFINITY, 0), m))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.put("d", v(1, 0), m))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension 3");
        assertThatThrownBy(() -> s.search(SearchQuery.of(v(0, 0, 0), 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.size()).isZero();
    }

    @Test
    void put_existingId_updatesVectorAndKeepsCreationTime() {
        VectorStore s = store(VectorStoreConfig.of(2));
        s.put("a", v(1, 0), ItemMetadata.of("t"));
        clock.advance(Duration.ofMinutes(5));
        s.put("a", v(0, 1), ItemMetadata.of("u"));

        StoredItem item = s.get("a").orElseThrow();
        assertThat(s.size()).isEqualTo(1);
        assertThat(item.vector()).containsExactly(0f, 1f);
        assertThat(item.type()).isEqualTo("u");
        assertThat(item.createdAt()).isEqualTo(T0);
    }

    @Test
    void delete_middleRow_keepsOtherItemsFindable() {
        VectorStore s = store(VectorStoreConfig.of(2));
        s.put("a", v(1, 0), ItemMetadata.of("t"));
        s.put("b", v(0, 1), ItemMetadata.of("t"));
        s.put("c", v(1, 1), ItemMetadata.of("t"));

        assertThat(s.delete("a")).isTrue();
        assertThat(s.delete("a")).isFalse();

        assertThat(s.contains("a")).isFalse();
        assertThat(s.get("c").orElseThrow().vector()[0]).isCloseTo(0.7071f, within(1e-4f));
        assertThat(s.search(SearchQuery.of(v(0, 1), 1)).get(0).id()).isEqualTo("b");
        assertThat(s.size()).isEqualTo(2);
    }

    @Test
    void search_cosine_ranksBySimilarityAndAppliesThreshold() {
        VectorStore s = store(VectorStoreConfig.of(2));
        s.put("same", v(1, 0), ItemMetadata.of("t"));
        s.put("near", v(1, 1), ItemMetadata.of("t"));
        s.put("orthogonal", v(0, 1), ItemMetadata.of("t"));
        s.put("opposite", v(-1, 0), ItemMetadata.of("t"));

        List<SearchHit> all = s.search(SearchQuery.of(v(2, 0), 10));
        List<SearchHit> close = s.search(SearchQuery.of(v(2, 0), 10).withThreshold(0.5));

        assertThat(all).extracting(SearchHit::id).containsExactly("same", "near", "orthogonal", "opposite");
        assertThat(all.get(1).similarity()).isCloseTo(Math.sqrt(0.5), within(1e-6));
        assertThat(close).extracting(SearchHit::id).containsExactly("same", "near");
    }

    /** The original kept far items for distance metrics and returned the farthest first. */
    @ParameterizedTest
    @EnumSource(Metric.class)
    void search_everyMetric_returnsNearestFirstAndThresholdKeepsNear(Metric metric) {
        VectorStore s = store(VectorStoreConfig.of(2));
        s.put("same", v(1, 0), ItemMetadata.of("t"));
        s.put("near", v(1, 1), ItemMetadata.of("t"));
        s.put("opposite", v(-1, 0), ItemMetadata.of("t"));
        SearchQuery q = SearchQuery.of(v(1, 0), 3).withMetric(metric);

        List<SearchHit> hits = s.search(q);
        double nearSim = hits.get(1).similarity();

        assertThat(hits).extracting(SearchHit::id).containsExactly("same", "near", "opposite");
        assertThat(s.search(q.withThreshold(nearSim - 1e-6)))
                .extracting(SearchHit::id)
                .containsExactly("same", "near");
    }

    @Test
    void search_distanceMetrics_useDocumentedSimilarity() {
        VectorStore s = store(VectorStoreConfig.of(2));
        s.put("opposite", v(-1, 0), ItemMetadata.of("t"));
        s.put("orthogonal", v(0, 1), ItemMetadata.of("t"));

        List<SearchHit> euclid = s.search(SearchQuery.of(v(1, 0), 2).withMetric(Metric.EUCLIDEAN));
        List<SearchHit> manhattan = s.search(SearchQuery.of(v(1, 0), 2).withMetric(Metric.MANHATTAN));

        // d = sqrt(2) -> 1 - sqrt(2)/2; d = 2 -> 0
        assertThat(euclid.get(0).similarity()).isCloseTo(1 - Math.sqrt(2) / 2, within(1e-6));
        assertThat(euclid.get(1).similarity()).isCloseTo(0.0, within(1e-6));
        // L1 = 2 in both cases -> 1/3
        assertThat(manhattan.get(0).similarity()).isCloseTo(1.0 / 3, within(1e-6));
    }

    @Test
    void search_dotMetric_doesNotNormaliseQuery() {
        VectorStore s = store(VectorStoreConfig.of(2));
        s.put("a", v(1, 0), ItemMetadata.of("t"));

        assertThat(s.search(SearchQuery.of(v(3, 0), 1).withMetric(Metric.DOT))
                        .get(0)
                        .similarity())
                .isCloseTo(3.0, within(1e-6));
    }

    @Test
    void search_filters_restrictByTypeTagsAndTime() {
        VectorStore s = store(VectorStoreConfig.of(2));
        s.put("e1", v(1, 0), new ItemMetadata("episodic", Set.of("cpu", "alert"), 0, null));
        clock.advance(Duration.ofHours(1));
        s.put("e2", v(1, 0.1f), new ItemMetadata("episodic", Set.of("cpu"), 0, null));
        s.put("s1", v(1, 0.2f), new ItemMetadata("semantic", Set.of("cpu", "alert"), 0, null));
        SearchQuery q = SearchQuery.of(v(1, 0), 10);

        assertThat(s.search(q.withFilter(SearchFilter.types("episodic"))))
                .extracting(SearchHit::id)
                .containsExactly("e1", "e2");
        assertThat(s.search(q.withFilter(SearchFilter.tags("cpu", "alert"))))
                .extracting(SearchHit::id)
                .containsExactly("e1", "s1");
        assertThat(s.search(q.withFilter(SearchFilter.createdBetween(T0.plusSeconds(1), null))))
                .extracting(SearchHit::id)
                .containsExactly("e2", "s1");
        assertThat(s.search(q.withFilter(SearchFilter.createdBetween(T0, T0.plusSeconds(3600)))))
                .extracting(SearchHit::id)
                .containsExactly("e1");
    }

    /** A clock that runs a write once, when the store next reads the time: between a search's scan and its touch. */
    private static final class WriteBetweenScanAndTouch extends java.time.Clock {
        private Runnable pending = () -> {};

        void onNextRead(Runnable write) {
            pending = write;
        }

        @Override
        public Instant instant() {
            Runnable write = pending;
            pending = () -> {};
            write.run();
            return T0;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void search_hitMovedByADeleteBeforeTheTouch_touchesTheHitAtItsNewRow() {
        WriteBetweenScanAndTouch clock = new WriteBetweenScanAndTouch();
        VectorStore s = new VectorStore(VectorStoreConfig.of(2).withCapacity(10), KernelProvider.kernel(), clock);
        s.put("a", v(1, 0), ItemMetadata.of("t"));
        s.put("b", v(0, 1), ItemMetadata.of("t"));
        s.put("c", v(1, 1), ItemMetadata.of("t")); // row 2, moved to row 0 when "a" goes
        s.get("a");
        s.get("b");

        clock.onNextRead(() -> s.delete("a"));
        assertThat(s.search(SearchQuery.of(v(1, 1), 1)))
                .extracting(SearchHit::id)
                .containsExactly("c");

        assertThat(s.idsByRecency()).containsExactly("b", "c");
    }

    @Test
    void search_hitDeletedBeforeTheTouch_touchesNothingElse() {
        WriteBetweenScanAndTouch clock = new WriteBetweenScanAndTouch();
        VectorStore s = new VectorStore(VectorStoreConfig.of(2).withCapacity(10), KernelProvider.kernel(), clock);
        s.put("a", v(1, 0), ItemMetadata.of("t")); // row 0; "c" takes it over when "a" goes
        s.put("b", v(0, 1), ItemMetadata.of("t"));
        s.put("c", v(-1, 1), ItemMetadata.of("t"));
        s.get("b");

        clock.onNextRead(() -> s.delete("a"));
        assertThat(s.search(SearchQuery.of(v(1, 0), 1)))
                .extracting(SearchHit::id)
                .containsExactly("a");

        assertThat(s.idsByRecency()).containsExactly("c", "b");
    }

    @Test
    void evictionLru_fullStore_evictsLeastRecentlyAccessedNotOldestInserted() {
        VectorStore s = store(VectorStoreConfig.of(2).withCapacity(3));
        s.put("a", v(1, 0), ItemMetadata.of("t"));
        clock.advance(Duration.ofSeconds(1));
        s.put("b", v(0, 1), ItemMetadata.of("t"));
        clock.advance(Duration.ofSeconds(1));
        s.put("c", v(1, 1), ItemMetadata.of("t"));
        clock.advance(Duration.ofSeconds(1));
        s.get("a"); // a is now the most recently used
        clock.advance(Duration.ofSeconds(1));

        assertThat(s.put("d", v(-1, 0), ItemMetadata.of("t"))).contains("b");
        assertThat(s.get("a").orElseThrow().lastAccess()).isEqualTo(T0.plusSeconds(4));
        assertThat(s.idsByRecency()).containsExactly("c", "d", "a");
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.evictions()).isEqualTo(1);
    }

    @Test
    void evictionLru_searchHitsCountAsAccess() {
        VectorStore s = store(VectorStoreConfig.of(2).withCapacity(2));
        s.put("a", v(1, 0), ItemMetadata.of("t"));
        s.put("b", v(0, 1), ItemMetadata.of("t"));
        s.search(SearchQuery.of(v(1, 0), 1)); // touches only a

        assertThat(s.put("c", v(1, 1), ItemMetadata.of("t"))).contains("b");
        assertThat(s.contains("a")).isTrue();
    }

    @Test
    void evictionLowestImportance_evictsLowestThenStalestOnTie() {
        VectorStore s = store(VectorStoreConfig.of(2).withCapacity(3).withEviction(EvictionPolicy.LOWEST_IMPORTANCE));
        s.put("high", v(1, 0), ItemMetadata.of("t").withImportance(0.9f));
        s.put("low1", v(0, 1), ItemMetadata.of("t").withImportance(0.1f));
        s.put("low2", v(1, 1), ItemMetadata.of("t").withImportance(0.1f));
        s.get("low1"); // low2 is now the staler of the tied pair

        assertThat(s.put("new1", v(-1, 0), ItemMetadata.of("t").withImportance(0.5f)))
                .contains("low2");
        assertThat(s.put("new2", v(0, -1), ItemMetadata.of("t").withImportance(0.5f)))
                .contains("low1");
        assertThat(s.put("new3", v(-1, -1), ItemMetadata.of("t").withImportance(0.5f)))
                .contains("new1");
        assertThat(s.contains("high")).isTrue();
    }

    @Test
    void put_manyInsertsAndDeletes_idIndexStaysConsistent() {
        VectorStore s = store(VectorStoreConfig.of(4).withCapacity(20_000));
        Random rnd = new Random(1);
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            if (!live.isEmpty() && rnd.nextInt(3) == 0) {
                String gone = live.remove(rnd.nextInt(live.size()));
                assertThat(s.delete(gone)).isTrue();
            } else {
                String id = "id" + i;
                s.put(id, randomUnit(rnd, 4), ItemMetadata.of("t"));
                live.add(id);
            }
        }
        assertThat(s.size()).isEqualTo(live.size());
        for (String id : live) {
            assertThat(s.contains(id)).as(id).isTrue();
        }
        assertThat(s.contains("id-missing")).isFalse();
    }

    @Test
    void searchParallel_largeStore_equalsSingleThreaded() {
        int dim = 32;
        Random rnd = new Random(5);
        try (VectorStore serial =
                        store(VectorStoreConfig.of(dim).withCapacity(40_000).withQuantized(true));
                VectorStore parallel = store(VectorStoreConfig.of(dim)
                        .withCapacity(40_000)
                        .withQuantized(true)
                        .withSearchThreads(3))) {
            for (int i = 0; i < VectorStore.PARALLEL_MIN_ROWS * 2; i++) {
                float[] x = randomUnit(rnd, dim);
                serial.put("id" + i, x, ItemMetadata.of(i % 2 == 0 ? "even" : "odd"));
                parallel.put("id" + i, x, ItemMetadata.of(i % 2 == 0 ? "even" : "odd"));
            }
            for (int q = 0; q < 5; q++) {
                SearchQuery query = SearchQuery.of(randomUnit(rnd, dim), 10).withFilter(SearchFilter.types("odd"));
                assertSameHits(parallel.search(query), serial.search(query));
                assertSameHits(parallel.searchQuantized(query), serial.searchQuantized(query));
            }
        }
    }

    @Test
    void searchQuantized_randomData_highRecallAndExactScores() {
        int dim = 64;
        Random rnd = new Random(11);
        VectorStore s = store(VectorStoreConfig.of(dim).withCapacity(5000).withQuantized(true));
        for (int i = 0; i < 5000; i++) {
            s.put("id" + i, randomUnit(rnd, dim), ItemMetadata.of("t"));
        }
        List<float[]> queries = new ArrayList<>();
        for (int q = 0; q < 50; q++) {
            queries.add(randomUnit(rnd, dim));
        }

        RecallReport report = s.measureRecall(queries, 10, Metric.COSINE, 5);
        SearchQuery query = SearchQuery.of(queries.get(0), 10);
        List<SearchHit> exact = s.search(query);
        List<SearchHit> approx = s.searchQuantized(query, 5);

        assertThat(report.recallAtK()).isGreaterThanOrEqualTo(0.98);
        assertThat(report.queries()).isEqualTo(50);
        assertThat(approx.get(0)).isEqualTo(exact.get(0));
    }

    @Test
    void searchQuantized_nearDuplicatesBelowInt8Resolution_needOversampling() {
        int dim = 64;
        Random rnd = new Random(3);
        float[] base = randomUnit(rnd, dim);
        VectorStore s = store(VectorStoreConfig.of(dim).withCapacity(1000).withQuantized(true));
        for (int i = 0; i < 200; i++) {
            float[] x = base.clone();
            // 1e-3: below int8's step (about 0.003 here) but far above float rounding, so the exact order is
            // well defined; at 1e-4 neighbours differ by ~1e-7 and JDK 25's lane reductions may reorder them
            for (int d = 0; d < dim; d++) {
                x[d] += (float) (1e-3 * rnd.nextGaussian());
            }
            s.put("dup" + i, x, ItemMetadata.of("t"));
        }
        List<float[]> queries = List.of(base);

        // int8 cannot tell these apart, so the first stage guesses; rescoring all 200 restores the exact answer
        assertThat(s.measureRecall(queries, 10, Metric.COSINE, 1).recallAtK()).isLessThan(0.9);
        assertThat(s.measureRecall(queries, 10, Metric.COSINE, 20).recallAtK()).isEqualTo(1.0);
    }

    @Test
    void searchQuantized_storeNotQuantized_isRejected() {
        VectorStore s = store(VectorStoreConfig.of(2));
        assertThatThrownBy(() -> s.searchQuantized(SearchQuery.of(v(1, 0), 1), 4))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void quantize_vector_roundTripsWithinOneStep() {
        float[] x = {0.5f, -0.25f, 0.1f, -0.5f};
        byte[] q = new byte[4];
        float inv = VectorStore.quantize(x, q);

        assertThat(q).containsExactly(127, -63, 25, -127); // Math.round(-63.5) = -63
        for (int i = 0; i < 4; i++) {
            assertThat(q[i] * inv).isCloseTo(x[i], within(inv / 2 + 1e-7f));
        }
    }

    @Test
    void stats_afterEviction_reportCountsAndConfig() {
        VectorStore s = store(VectorStoreConfig.of(2).withCapacity(1).withQuantized(true));
        s.put("a", v(1, 0), ItemMetadata.of("t"));
        s.put("b", v(0, 1), ItemMetadata.of("t"));

        StoreStats stats = s.stats();
        assertThat(stats.size()).isEqualTo(1);
        assertThat(stats.capacity()).isEqualTo(1);
        assertThat(stats.evictions()).isEqualTo(1);
        assertThat(stats.quantized()).isTrue();
        assertThat(stats.kernel()).isEqualTo(s.kernel().name());
        assertThat(stats.estimatedBytes()).isPositive();
    }

    @Test
    void snapshot_reinsertedInOrder_rebuildsEquivalentStore() {
        VectorStore s = store(VectorStoreConfig.of(2).withCapacity(3));
        s.put("a", v(1, 0), new ItemMetadata("t", Set.of("x"), 0.3f, null));
        clock.advance(Duration.ofSeconds(10));
        s.put("b", v(0, 1), ItemMetadata.of("u"));
        s.get("a");

        VectorStore copy = store(VectorStoreConfig.of(2).withCapacity(3));
        for (StoredItem item : s.snapshot()) {
            copy.put(
                    item.id(),
                    item.vector(),
                    new ItemMetadata(item.type(), item.tags(), item.importance(), item.createdAt()));
        }

        assertThat(copy.idsByRecency()).containsExactly("b", "a");
        assertThat(copy.snapshot())
                .extracting(StoredItem::id, StoredItem::type, StoredItem::createdAt)
                .containsExactlyElementsOf(s.snapshot().stream()
                        .map(i -> org.assertj.core.groups.Tuple.tuple(i.id(), i.type(), i.createdAt()))
                        .toList());
    }

    @Test
    void search_hugeK_returnsAllWithoutAllocatingK() {
        VectorStore s = store(VectorStoreConfig.of(2).withQuantized(true));
        s.put("a", v(1, 0), ItemMetadata.of("t"));
        s.put("b", v(0, 1), ItemMetadata.of("t"));

        assertThat(s.search(SearchQuery.of(v(1, 0), Integer.MAX_VALUE))).hasSize(2);
        assertThat(s.searchQuantized(SearchQuery.of(v(1, 0), Integer.MAX_VALUE), 1000))
                .hasSize(2);
    }

    @Test
    void search_emptyStore_returnsNoHits() {
        assertThat(store(VectorStoreConfig.of(2)).search(SearchQuery.of(v(1, 0), 3)))
                .isEmpty();
    }

    @Test
    void clear_removesEverything() {
        VectorStore s = store(VectorStoreConfig.of(2));
        s.put("a", v(1, 0), ItemMetadata.of("t"));
        s.clear();
        assertThat(s.size()).isZero();
        assertThat(s.contains("a")).isFalse();
        s.put("a", v(1, 0), ItemMetadata.of("t"));
        assertThat(s.size()).isEqualTo(1);
    }

    @Test
    void records_invalidArguments_areRejected() {
        assertThatThrownBy(() -> SearchQuery.of(v(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchQuery.of(v(1), 1).withThreshold(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VectorStoreConfig(0, 10, EvictionPolicy.LRU, false, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemMetadata.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchFilter.createdBetween(T0, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
