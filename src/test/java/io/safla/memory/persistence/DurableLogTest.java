package io.safla.memory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableLogTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private DurableLog open() throws IOException {
        return DurableLog.open(dir, SyncPolicy.EVERY_WRITE, clock);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> payloads(Recovery recovery) {
        return recovery.entries().stream()
                .map(e -> new String(e.payload(), StandardCharsets.UTF_8))
                .toList();
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> segments =
                    files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
            return segments.get(segments.size() - 1);
        }
    }

    @Test
    void append_reopened_replaysEntriesInOrder() throws IOException {
        try (DurableLog log = open()) {
            assertThat(log.append("put", bytes("a"))).isEqualTo(1);
            assertThat(log.appendAll(List.of(Map.entry("put", bytes("b")), Map.entry("delete", bytes("a")))))
                    .isEqualTo(3);
        }

        try (DurableLog log = open()) {
            Recovery recovery = log.recovery();
            assertThat(recovery.snapshot()).isEmpty();
            assertThat(recovery.entries()).extracting(LogEntry::sequence).containsExactly(1L, 2L, 3L);
            assertThat(recovery.entries()).extracting(LogEntry::operation).containsExactly("put", "put", "delete");
            assertThat(payloads(recovery)).containsExactly("a", "b", "a");
            assertThat(recovery.report().clean()).isTrue();
            assertThat(log.append("put", bytes("c"))).isEqualTo(4);
        }
    }

    @Test
    void snapshot_reopened_replaysOnlyLaterEntries_andKeepsTwoSnapshots() throws IOException {
        try (DurableLog log = open()) {
            for (int round = 1; round <= 4; round++) {
                log.append("put", bytes("item" + round));
                log.snapshot(bytes("state-after-" + round));
            }
            log.append("put", bytes("after"));
        }

        try (DurableLog log = open()) {
            Recovery recovery = log.recovery();
            assertThat(recovery.snapshot()).get().satisfies(s -> {
                assertThat(s.sequence()).isEqualTo(4);
                assertThat(new String(s.state(), StandardCharsets.UTF_8)).isEqualTo("state-after-4");
                assertThat(s.createdAt()).isEqualTo(clock.instant());
            });
            assertThat(payloads(recovery)).containsExactly("after");
            assertThat(recovery.report().snapshotSequence()).isEqualTo(4);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly(
                            DurableLog.segmentName(4),
                            DurableLog.segmentName(5),
                            DurableLog.snapshotName(3),
                            DurableLog.snapshotName(4));
        }
    }

    @Test
    void tornTail_isTruncatedAndReported_andEarlierEntriesSurvive() throws IOException {
        try (DurableLog log = open()) {
            log.append("put", bytes("one"));
            log.append("put", bytes("two"));
        }
        long goodLength = Files.size(onlySegment());
        // half a record: what a crash in the middle of write(2) leaves behind
        Files.write(
                onlySegment(),
                new byte[] {0x5A, (byte) 0xF1, (byte) 0xA1, 0x0C, 0, 0, 0, 40, 1, 2, 3},
                StandardOpenOption.APPEND);

        try (DurableLog log = open()) {
            RecoveryReport report = log.recovery().report();
            assertThat(payloads(log.recovery())).containsExactly("one", "two");
            assertThat(report.truncatedBytes()).isEqualTo(11);
            assertThat(report.problems()).singleElement().asString().contains("torn tail");
            assertThat(Files.size(onlySegment())).isEqualTo(goodLength);
            assertThat(log.append("put", bytes("three"))).isEqualTo(3);
        }
        try (DurableLog log = open()) {
            assertThat(payloads(log.recovery())).containsExactly("one", "two", "three");
            assertThat(log.recovery().report().clean()).isTrue();
        }
    }

    @Test
    void flippedBitInLastRecord_failsItsChecksumAndIsCut() throws IOException {
        try (DurableLog log = open()) {
            log.append("put", bytes("one"));
            log.append("put", bytes("two"));
        }
        try (RandomAccessFile file = new RandomAccessFile(onlySegment().toFile(), "rw")) {
            file.seek(file.length() - 1);
            file.write('X');
        }

        try (DurableLog log = open()) {
            assertThat(payloads(log.recovery())).containsExactly("one");
            assertThat(log.recovery().report().problems())
                    .singleElement()
                    .asString()
                    .contains("checksum mismatch");
        }
    }

    @Test
    void damagedNewestSnapshot_fallsBackToTheOlderOneAndReplaysFromThere() throws IOException {
        List<String> all = new ArrayList<>();
        try (DurableLog log = open()) {
            for (int round = 1; round <= 3; round++) {
                all.add("item" + round);
                log.append("put", bytes("item" + round));
                log.snapshot(bytes(String.join(",", all)));
            }
        }
        Path newest = dir.resolve(DurableLog.snapshotName(3));
        byte[] damaged = Files.readAllBytes(newest);
        damaged[damaged.length - 1] ^= 0x01;
        Files.write(newest, damaged);

        try (DurableLog log = open()) {
            Recovery recovery = log.recovery();
            assertThat(new String(recovery.snapshot().orElseThrow().state(), StandardCharsets.UTF_8))
                    .isEqualTo("item1,item2");
            assertThat(payloads(recovery)).containsExactly("item3");
            assertThat(recovery.report().damage()).singleElement().asString().contains("is unreadable");
        }
    }

    @Test
    void snapshotTempFile_leftByACrash_isIgnored() throws IOException {
        try (DurableLog log = open()) {
            log.append("put", bytes("one"));
        }
        Files.write(dir.resolve(DurableLog.snapshotName(1) + ".tmp"), bytes("half-written"));

        try (DurableLog log = open()) {
            assertThat(log.recovery().snapshot()).isEmpty();
            assertThat(payloads(log.recovery())).containsExactly("one");
        }
    }
}
