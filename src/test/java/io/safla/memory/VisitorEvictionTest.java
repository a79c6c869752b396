package io.safla.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.embedding.HashingEmbedder;
import io.safla.memory.persistence.DurableLog;
import io.safla.memory.persistence.SyncPolicy;
import io.safla.memory.vector.EvictionPolicy;
import io.safla.memory.vector.ScalarKernel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Visitors' items never evict the operator's, stay within their share, and keep their owner across a restart. */
class VisitorEvictionTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private MemoryEngine engine(int capacity, double visitorShare) throws Exception {
        MemoryEngine engine = new MemoryEngine(
                new MemoryEngine.Config(capacity, EvictionPolicy.LRU, 100, Duration.ofMinutes(5), 1000, 1),
                new HashingEmbedder(64),
                new ScalarKernel(),
                DurableLog.open(dir, SyncPolicy.OS_BUFFERED, clock),
                clock);
        engine.setVisitorShare(visitorShare);
        return engine;
    }

    private static Set<String> ids(MemoryEngine engine, Origin origin) {
        return engine.list(i -> i.origin() == origin).stream()
                .map(MemoryItem::id)
                .collect(Collectors.toSet());
    }

    @Test
    void visitorsFillOnlyTheirShare_andEvictOnlyEachOther() throws Exception {
        try (MemoryEngine engine = engine(20, 0.5)) {
            IntStream.range(0, 8).forEach(i -> engine.add(NewMemory.of("operator fact " + i)));
            Set<String> operators = ids(engine, Origin.OPERATOR);

            for (int i = 0; i < 50; i++) {
                engine.add(NewMemory.of("visitor junk " + i), Origin.VISITOR);
            }

            assertThat(ids(engine, Origin.OPERATOR)).isEqualTo(operators);
            assertThat(engine.visitorItems()).isEqualTo(10);
            // the newest ten remain: the least recently used visitor items went first
            assertThat(engine.list(i -> i.origin() == Origin.VISITOR).stream()
                            .map(MemoryItem::text)
                            .collect(Collectors.toSet()))
                    .isEqualTo(IntStream.range(40, 50)
                            .mapToObj(i -> "visitor junk " + i)
                            .collect(Collectors.toSet()));
        }
    }

    @Test
    void aFullStore_evictsAVisitorItemForTheOperator_andRefusesAVisitorWhenOnlyOperatorItemsAreLeft() throws Exception {
        try (MemoryEngine engine = engine(10, 1.0)) {
            IntStream.range(0, 9).forEach(i -> engine.add(NewMemory.of("operator fact " + i)));
            MemoryItem visitor = engine.add(NewMemory.of("a visitor's note"), Origin.VISITOR);

            engine.add(NewMemory.of("one more operator fact"));

            assertThat(engine.get(visitor.id())).isEmpty();
            assertThat(ids(engine, Origin.OPERATOR)).hasSize(10);
            assertThatThrownBy(() -> engine.add(NewMemory.of("no room for me"), Origin.VISITOR))
                    .isInstanceOf(MemoryFullException.class);
            assertThat(ids(engine, Origin.OPERATOR)).hasSize(10);
        }
    }

    @Test
    void ownership_survivesARestart_andAnOldEntryWithoutItIsTheOperators() throws Exception {
        String visitorId;
        try (MemoryEngine engine = engine(100, 0.5)) {
            engine.add(NewMemory.of("the operator's"));
            visitorId = engine.add(NewMemory.of("a visitor's"), Origin.VISITOR).id();
        }
        try (MemoryEngine reopened = engine(100, 0.5)) {
            assertThat(reopened.get(visitorId).orElseThrow().origin()).isEqualTo(Origin.VISITOR);
            assertThat(reopened.list(i -> i.text().equals("the operator's"))
                            .get(0)
                            .origin())
                    .isEqualTo(Origin.OPERATOR);
            reopened.snapshotNow();
        }
        try (MemoryEngine fromSnapshot = engine(100, 0.5)) {
            assertThat(fromSnapshot.get(visitorId).orElseThrow().origin()).isEqualTo(Origin.VISITOR);
        }
        // an entry written before ownership was recorded has no "origin" field
        MemoryItem old = MemoryCodec.decodePut(
                        ("{\"id\":\"m-1\",\"text\":\"old\",\"type\":\"vector\",\"importance\":0.5,"
                                        + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"tags\":[],\"metadata\":{},"
                                        + "\"vector\":\"\"}")
                                .getBytes(StandardCharsets.UTF_8))
                .item();
        assertThat(old.origin()).isEqualTo(Origin.OPERATOR);
    }

    @Test
    void anImport_appliesTheAddRules_toEveryItem() throws Exception {
        try (MemoryEngine engine = engine(100, 0.5)) {
            String tags = IntStream.range(0, 21).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));
            String file = "[{\"text\": \"fine\"},"
                    + " {\"text\": \"<script>alert(1)</script>\"},"
                    + " {\"text\": \"many tags\", \"tags\": [" + tags + "]},"
                    + " {\"text\": \"long metadata\", \"metadata\": {\"k\": \"" + "v".repeat(501) + "\"}}]";

            MemoryEngine.ImportReport report = engine.importJson(file.getBytes(StandardCharsets.UTF_8));

            assertThat(report.applied()).isFalse();
            assertThat(report.problems())
                    .containsExactly(
                            "items[1].text: " + SafeText.MESSAGE,
                            "items[2].tags: at most 20 tags",
                            "items[3].metadata: each value must be at most 500 characters");
            assertThat(engine.size()).isZero();
            assertThat(List.of(report.imported())).containsExactly(0);
        }
    }
}
