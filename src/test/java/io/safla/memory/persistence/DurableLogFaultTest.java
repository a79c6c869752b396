package io.safla.memory.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault a full, failing or crashing disk produces, injected through {@link FaultyFileIo}. */
class DurableLogFaultTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
    private final FaultyFileIo io = new FaultyFileIo();

    private DurableLog open() throws IOException {
        return DurableLog.open(dir, SyncPolicy.EVERY_WRITE, clock, io);
    }

    private DurableLog openPlain() throws IOException {
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

    private List<String> names(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(suffix))
                    .sorted()
                    .toList();
        }
    }

    private static void flipLastByte(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[b.length - 1] ^= 0x01;
        Files.write(file, b);
    }

    @Test
    void diskFullMidRecord_cutsBackToTheLastGoodRecord_soLaterWritesSurviveACrash() throws IOException {
        Path segment = dir.resolve(DurableLog.segmentName(1));
        try (DurableLog log = open()) {
            log.append("put", bytes("a"));
            log.append("put", bytes("b"));
            long good = Files.size(segment);
            io.bytesLeft.set(7); // half a record header fits, then ENOSPC
            assertThatThrownBy(() -> log.append("put", bytes("refused")))
                    .isInstanceOfSatisfying(
                            LogAppendException.class,
                            e -> assertThat(e.noSpace()).isTrue());
            assertThat(Files.size(segment)).as("partial record cut off").isEqualTo(good);
            io.heal();
            assertThat(log.append("put", bytes("c"))).isEqualTo(3);
            assertThat(log.append("put", bytes("d"))).isEqualTo(4);
        } // no snapshot: as after kill -9, only the log counts

        try (DurableLog log = openPlain()) {
            assertThat(payloads(log.recovery())).containsExactly("a", "b", "c", "d");
            assertThat(log.recovery().report().clean()).isTrue();
        }
    }

    @Test
    void fsyncFails_andTruncateFails_sealsTheSegment_andTheUnacknowledgedRecordIsNeverReplayed() throws IOException {
        try (DurableLog log = open()) {
            log.append("put", bytes("a"));
            io.failForce = true; // the record reaches the file, but is not acknowledged
            io.failTruncate = true; // and cannot be cut back
            assertThatThrownBy(() -> log.append("put", bytes("unacknowledged"))).isInstanceOf(LogAppendException.class);
            assertThat(log.sealed()).isPresent();
            io.heal();
            assertThat(log.append("put", bytes("b"))).isEqualTo(2);
            assertThat(log.sealed()).isEmpty();
        }
        assertThat(names(".seg")).containsExactly(DurableLog.segmentName(1), DurableLog.segmentName(2));

        try (DurableLog log = openPlain()) {
            assertThat(payloads(log.recovery())).containsExactly("a", "b");
            assertThat(log.recovery().report().damaged()).isFalse();
        }
    }

    @Test
    void diskStaysFull_whileSealed_appendsAreRefusedWithoutWritingAnything() throws IOException {
        try (DurableLog log = open()) {
            log.append("put", bytes("a"));
            io.bytesLeft.set(3);
            io.failTruncate = true;
            assertThatThrownBy(() -> log.append("put", bytes("x"))).isInstanceOf(LogAppendException.class);
            io.failOpen = p -> true; // a new segment cannot be created either
            assertThatThrownBy(() -> log.append("put", bytes("y")))
                    .isInstanceOf(LogAppendException.class)
                    .hasMessageContaining("sealed");
            assertThat(log.lastSequence()).isEqualTo(1);
            io.heal();
            log.append("put", bytes("b"));
        }
        try (DurableLog log = openPlain()) {
            assertThat(payloads(log.recovery())).containsExactly("a", "b");
        }
    }

    /** The layout the old code left after a full disk: a partial record with acknowledged records after it. */
    @Test
    void damagedRecordFollowedByValidOnes_isNotATornTail_validOnesRecovered_fileMovedAside_reportedLoudly()
            throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(array(DurableLog.segmentHeader(1)));
        file.write(array(DurableLog.encode(new LogEntry(1, "put", bytes("a")))));
        byte[] partial = array(DurableLog.encode(new LogEntry(2, "put", bytes("failed-write"))));
        file.write(partial, 0, partial.length / 2);
        file.write(array(DurableLog.encode(new LogEntry(2, "put", bytes("b")))));
        file.write(array(DurableLog.encode(new LogEntry(3, "put", bytes("c")))));
        Files.write(dir.resolve(DurableLog.segmentName(1)), file.toByteArray());

        try (DurableLog log = openPlain()) {
            assertThat(payloads(log.recovery())).containsExactly("a", "b", "c");
            RecoveryReport report = log.recovery().report();
            assertThat(report.damaged()).isTrue();
            assertThat(report.damage()).singleElement().asString().contains("valid records after them");
            assertThat(names(".damaged-")).hasSize(1);
            assertThat(log.append("put", bytes("d"))).isEqualTo(4);
        }
        try (DurableLog log = openPlain()) {
            assertThat(payloads(log.recovery())).containsExactly("a", "b", "c", "d");
            assertThat(log.recovery().report().clean())
                    .as("the file was rewritten clean")
                    .isTrue();
        }
    }

    @Test
    void damageInAnOlderSegment_doesNotStopTheReplayOfLaterSegments() throws IOException {
        try (DurableLog log = openPlain()) {
            log.append("put", bytes("a"));
            log.append("put", bytes("b"));
            log.append("put", bytes("c"));
            log.snapshot(bytes("a,b,c"));
            log.append("put", bytes("d"));
            log.append("put", bytes("e"));
        }
        // rot in the middle of the first segment (record b)
        Path first = dir.resolve(DurableLog.segmentName(1));
        byte[] b = Files.readAllBytes(first);
        int recordB = 20 + DurableLog.encode(new LogEntry(1, "put", bytes("a"))).remaining();
        b[recordB + 14] ^= 0x10;
        Files.write(first, b);

        try (DurableLog log = openPlain()) {
            assertThat(payloads(log.recovery())).containsExactly("d", "e");
            assertThat(log.lastSequence()).isEqualTo(5);
            assertThat(log.recovery().report().damaged()).isTrue();
        }
    }

    @Test
    void snapshotRenameFails_tempFileIsRemoved_nothingIsPruned_andTheLogStillServes() throws IOException {
        try (DurableLog log = open()) {
            log.append("put", bytes("a"));
            io.failReplace = true;
            assertThatThrownBy(() -> log.snapshot(bytes("a"))).hasMessageContaining("snapshot");
            assertThat(names(".tmp")).isEmpty();
            assertThat(log.appendedSinceSnapshot()).isEqualTo(1);
            log.append("put", bytes("b"));
        }
        try (DurableLog log = openPlain()) {
            assertThat(log.recovery().snapshot()).isEmpty();
            assertThat(payloads(log.recovery())).containsExactly("a", "b");
        }
    }

    @Test
    void snapshotTempFileLeftByACrash_isRemovedAtStart() throws IOException {
        try (DurableLog log = openPlain()) {
            log.append("put", bytes("one"));
        }
        Path stale = dir.resolve(DurableLog.snapshotName(1) + ".tmp");
        Files.write(stale, bytes("half-written"));
        try (DurableLog log = openPlain()) {
            assertThat(stale).doesNotExist();
            assertThat(log.recovery().report().problems())
                    .anySatisfy(p -> assertThat(p).contains("temporary file"));
        }
    }

    /**
     * The third case: a crash between a snapshot's rename and the next segment, more writes into the old
     * segment, another snapshot; clean-up must keep that segment, so a damaged newest snapshot loses nothing.
     */
    @Test
    void crashAfterSnapshotRename_thenCleanUp_thenCorruptNewestSnapshot_losesNoEntry() throws IOException {
        try (DurableLog log = open()) {
            for (String s : List.of("1", "2", "3")) {
                log.append("put", bytes(s));
            }
            log.snapshot(bytes("1,2,3"));
            log.append("put", bytes("4"));
            log.append("put", bytes("5"));
            // the "crash": the snapshot is renamed, the next segment never appears
            io.failOpen = p -> p.getFileName().toString().equals(DurableLog.segmentName(6));
            log.snapshot(bytes("1,2,3,4,5"));
        }
        assertThat(names(".seg")).doesNotContain(DurableLog.segmentName(6));
        io.heal();
        try (DurableLog log = open()) {
            for (String s : List.of("6", "7", "8", "9", "10")) {
                log.append("put", bytes(s));
            }
            log.snapshot(bytes("1,2,3,4,5,6,7,8,9,10")); // prunes: keeps what the fallback (seq 5) needs
        }
        flipLastByte(dir.resolve(DurableLog.snapshotName(10)));

        try (DurableLog log = openPlain()) {
            Recovery recovery = log.recovery();
            assertThat(recovery.snapshot().orElseThrow().sequence()).isEqualTo(5);
            assertThat(payloads(recovery)).containsExactly("6", "7", "8", "9", "10");
            assertThat(recovery.report().damage()).singleElement().asString().contains("unreadable");
        }
    }

    @Test
    void cleanUp_countsOnlySnapshotsThatReadBack_soTwoDamagedSnapshotsStillLeaveAWayBack() throws IOException {
        try (DurableLog log = openPlain()) {
            log.append("put", bytes("1"));
            log.snapshot(bytes("1"));
            log.append("put", bytes("2"));
            log.snapshot(bytes("1,2"));
            flipLastByte(dir.resolve(DurableLog.snapshotName(2)));
            log.append("put", bytes("3"));
            log.snapshot(bytes("1,2,3")); // the fallback must be snapshot 1, not the damaged 2
        }
        flipLastByte(dir.resolve(DurableLog.snapshotName(3)));

        try (DurableLog log = openPlain()) {
            Recovery recovery = log.recovery();
            assertThat(recovery.snapshot().orElseThrow().sequence()).isEqualTo(1);
            assertThat(payloads(recovery)).containsExactly("2", "3");
        }
    }

    private static byte[] array(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
