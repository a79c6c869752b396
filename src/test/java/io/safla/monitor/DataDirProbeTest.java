package io.safla.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirProbeTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));

    @Test
    void writableDirectory_isOk_andLeavesNoProbeFile() throws Exception {
        DataDirProbe probe = new DataDirProbe(dir, 0, 0, Duration.ofSeconds(2), clock);
        assertThat(probe.probe().state()).isEqualTo(DataDirProbe.State.OK);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void freeSpaceBelowTheReserve_isFull_andBelowTheLowMark_isLow() {
        assertThat(new DataDirProbe(dir, Long.MAX_VALUE, Long.MAX_VALUE, Duration.ZERO, clock).probe())
                .satisfies(r -> {
                    assertThat(r.state()).isEqualTo(DataDirProbe.State.FULL);
                    assertThat(r.writable()).isFalse();
                    assertThat(r.health().level()).isEqualTo(HealthLevel.DOWN);
                });
        assertThat(new DataDirProbe(dir, Long.MAX_VALUE, 0, Duration.ZERO, clock)
                        .probe()
                        .state())
                .isEqualTo(DataDirProbe.State.LOW);
    }

    @Test
    void aDirectoryThatCannotBeCreated_isUnwritable_evenForRoot() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        DataDirProbe probe = new DataDirProbe(file.resolve("data"), 0, 0, Duration.ZERO, clock);
        assertThat(probe.probe().state()).isEqualTo(DataDirProbe.State.UNWRITABLE);
    }

    @Test
    void aFailedWrite_refusesWritesUntilTheNextProbeFindsSpaceAgain() {
        DataDirProbe probe = new DataDirProbe(dir, 0, 0, Duration.ofSeconds(2), clock);
        assertThat(probe.current().writable()).isTrue();
        probe.markFailed(true, "No space left on device");
        assertThat(probe.current().state()).isEqualTo(DataDirProbe.State.FULL);
        clock.advance(Duration.ofMillis(1999));
        assertThat(probe.current().writable()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(probe.current().writable()).as("recovers by itself").isTrue();
    }

    /** The reason is shown on the public status page, so it names no path, whatever the state. */
    @Test
    void reasons_nameNoPath() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        for (DataDirProbe probe : java.util.List.of(
                new DataDirProbe(dir, 0, 0, Duration.ZERO, clock),
                new DataDirProbe(dir, Long.MAX_VALUE, Long.MAX_VALUE, Duration.ZERO, clock),
                new DataDirProbe(file.resolve("data"), 0, 0, Duration.ZERO, clock))) {
            assertThat(probe.probe().reason()).doesNotContain(dir.toString()).doesNotContain("/");
        }
    }
}
