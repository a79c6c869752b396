package io.safla.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void save_thenLoad_returnsTheSameStateAndSettings() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, 5, clock);

        CheckpointInfo info = store.save(
                "before import",
                3,
                "abc123",
                Map.of("memory", "{\"x\":1}"),
                "state-bytes".getBytes(StandardCharsets.UTF_8));

        Checkpoint loaded = store.load(info.id()).orElseThrow();
        assertThat(new String(loaded.memoryState(), StandardCharsets.UTF_8)).isEqualTo("state-bytes");
        assertThat(loaded.settings()).containsEntry("memory", "{\"x\":1}");
        assertThat(loaded.info()).isEqualTo(info);
        assertThat(info.reason()).isEqualTo("before import");
        assertThat(info.createdAt()).isEqualTo(clock.instant());
        assertThat(store.load("cp-nope")).isEmpty();
    }

    @Test
    void hybridState_isKeptWhenGiven_andAbsentFromCheckpointsWithoutIt() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, 5, clock);

        CheckpointInfo with =
                store.save("with", 1, "c", Map.of(), new byte[] {1}, "hybrid-bytes".getBytes(StandardCharsets.UTF_8));
        CheckpointInfo without = store.save("without", 1, "c", Map.of(), new byte[] {1});

        assertThat(store.load(with.id()).orElseThrow().hybrid())
                .hasValueSatisfying(
                        b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("hybrid-bytes"));
        assertThat(store.load(without.id()).orElseThrow().hybrid()).isEmpty();
        // a reopened store reads both kinds
        assertThat(new CheckpointStore(dir, 5, clock)
                        .load(with.id())
                        .orElseThrow()
                        .hybrid())
                .isPresent();
    }

    @Test
    void count_isBounded_oldestRemovedFirst() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, 3, clock);
        for (int i = 0; i < 5; i++) {
            store.save("r" + i, i, "c" + i, Map.of(), new byte[] {(byte) i});
        }

        assertThat(store.list()).extracting(CheckpointInfo::reason).containsExactly("r4", "r3", "r2");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(3);
        }
    }

    @Test
    void reopen_rebuildsTheIndex_andIgnoresHalfWrittenFiles() throws Exception {
        CheckpointStore first = new CheckpointStore(dir, 5, clock);
        CheckpointInfo info = first.save("kept", 1, "c", Map.of(), new byte[] {1});
        Files.writeString(dir.resolve("cp-9999999999999-0001.json.gz.tmp"), "partial");
        Files.writeString(dir.resolve("cp-9999999999999-0002.json.gz"), "not gzip");

        CheckpointStore second = new CheckpointStore(dir, 5, clock);

        assertThat(second.list()).containsExactly(info);
        assertThat(second.problems()).singleElement().asString().contains("cp-9999999999999-0002");
    }

    @Test
    void visitorCheckpoints_arePrunedInTheirOwnPool_andNeverPushOutTheOperators() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, 3, 2, clock);
        byte[] state = "operator state".getBytes(StandardCharsets.UTF_8);
        CheckpointInfo operator = store.save("taken by the operator", 210, "c0", Map.of(), state);

        for (int i = 0; i < 25; i++) {
            store.save(
                    "before bulk import", 1, "v" + i, Map.of(), new byte[] {1}, null, io.safla.memory.Origin.VISITOR);
        }

        assertThat(store.list()).extracting(CheckpointInfo::id).contains(operator.id());
        assertThat(store.list())
                .filteredOn(i -> i.origin() == io.safla.memory.Origin.VISITOR)
                .extracting(CheckpointInfo::checksum)
                .containsExactly("v24", "v23");
        assertThat(store.load(operator.id()).orElseThrow().memoryState()).isEqualTo(state);
        // the pool is recorded in the file: a restart keeps it, and a file without it is the operator's
        assertThat(new CheckpointStore(dir, 3, 2, clock).list())
                .extracting(CheckpointInfo::origin)
                .containsExactly(
                        io.safla.memory.Origin.VISITOR,
                        io.safla.memory.Origin.VISITOR,
                        io.safla.memory.Origin.OPERATOR);
    }
}
