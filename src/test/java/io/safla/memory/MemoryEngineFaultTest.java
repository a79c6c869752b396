package io.safla.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.embedding.HashingEmbedder;
import io.safla.memory.persistence.DurableLog;
import io.safla.memory.persistence.FaultyFileIo;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's answers match what is stored when the log fails under it. */
class MemoryEngineFaultTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
    private final FaultyFileIo io = new FaultyFileIo();

    private MemoryEngine engine(int capacity, int snapshotEvery) throws Exception {
        return new MemoryEngine(
                new MemoryEngine.Config(capacity, EvictionPolicy.LRU, 100, Duration.ofMinutes(5), snapshotEvery, 1),
                new HashingEmbedder(32),
                new ScalarKernel(),
                DurableLog.open(dir, SyncPolicy.EVERY_WRITE, clock, io),
                clock);
    }

    /** Reopens without a final snapshot, as after kill -9. */
    private MemoryEngine reopenAfterCrash() throws Exception {
        return new MemoryEngine(
                new MemoryEngine.Config(10, EvictionPolicy.LRU, 100, Duration.ofMinutes(5), 1000, 1),
                new HashingEmbedder(32),
                new ScalarKernel(),
                DurableLog.open(dir, SyncPolicy.EVERY_WRITE, clock),
                clock);
    }

    private static NewMemory memory(String id, String text) {
        return new NewMemory(id, text, MemoryType.VECTOR, null, 0.5, null, null);
    }

    @Test
    void failedAppend_leavesTheStoreUntouched_andNothingOfItIsVisibleOrRecovered() throws Exception {
        MemoryEngine engine = engine(2, 1000);
        engine.add(memory("a", "alpha particles"));
        engine.add(memory("b", "beta decay"));
        String before = engine.checksum();
        long version = engine.version();

        io.bytesLeft.set(10);
        assertThatThrownBy(() -> engine.add(memory("c", "gamma rays")))
                .isInstanceOfSatisfying(
                        StorageUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(StorageUnavailableException.Reason.FULL));

        // the store is full, so "c" would have evicted "a": both must be back as they were
        assertThat(engine.get("c")).isEmpty();
        assertThat(engine.get("a")).isPresent();
        assertThat(engine.size()).isEqualTo(2);
        assertThat(engine.checksum()).isEqualTo(before);
        assertThat(engine.version()).isEqualTo(version);
        assertThat(engine.search(SearchRequest.of("gamma rays", 5)).hits())
                .extracting(h -> h.item().id())
                .doesNotContain("c");

        io.heal();
        engine.add(memory("d", "delta waves"));
        List<String> live = engine.list(i -> true).stream().map(MemoryItem::id).toList();
        assertThat(live).hasSize(2).contains("d").doesNotContain("c");

        try (MemoryEngine reopened = reopenAfterCrash()) {
            assertThat(reopened.list(i -> true)).extracting(MemoryItem::id).containsExactlyElementsOf(live);
            assertThat(reopened.checksum()).isEqualTo(engine.checksum());
        }
    }

    @Test
    void failedDelete_keepsTheItem() throws Exception {
        MemoryEngine engine = engine(10, 1000);
        engine.add(memory("a", "alpha"));
        io.bytesLeft.set(0);
        assertThatThrownBy(() -> engine.delete("a")).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> engine.deleteAll(List.of("a"))).isInstanceOf(StorageUnavailableException.class);
        assertThat(engine.get("a")).isPresent();
        io.heal();
        try (MemoryEngine reopened = reopenAfterCrash()) {
            assertThat(reopened.get("a")).isPresent();
        }
    }

    @Test
    void snapshotFailingAfterADurableAppend_doesNotFailTheWrite_isReported_andRetried() throws Exception {
        MemoryEngine engine = engine(10, 1);
        io.failReplace = true; // every snapshot fails at its rename
        MemoryItem stored = engine.add(memory("a", "alpha"));
        assertThat(stored.id()).isEqualTo("a");
        assertThat(engine.get("a")).isPresent();
        assertThat(engine.snapshotProblem()).isPresent();

        io.heal();
        assertThat(engine.retrySnapshotIfPending()).isTrue();
        assertThat(engine.snapshotProblem()).isEmpty();
        try (MemoryEngine reopened = reopenAfterCrash()) {
            assertThat(reopened.get("a")).isPresent();
            assertThat(reopened.recoveryReport().snapshotSequence()).isEqualTo(1);
        }
    }

    @Test
    void importWithAnAbsurdCreatedAtInItsLastItem_appliesNothing() throws Exception {
        MemoryEngine engine = engine(10, 1000);
        String json = """
                {"items": [
                  {"id": "i1", "text": "first"},
                  {"id": "i2", "text": "second"},
                  {"id": "i3", "text": "third", "createdAt": "+1000000000-01-01T00:00:00Z"}
                ]}""";
        MemoryEngine.ImportReport report = engine.importJson(json.getBytes(StandardCharsets.UTF_8));
        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).singleElement().asString().contains("items[2]");
        assertThat(engine.size()).isZero();
        assertThatThrownBy(() ->
                        engine.add(new NewMemory("x", "far future", MemoryType.VECTOR, null, 0.5, Instant.MAX, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.size()).isZero();
    }
}
