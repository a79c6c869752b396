package io.safla.memory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a writing JVM with SIGKILL and checks that every acknowledged write is recovered. */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    static List<String> rebuild(Recovery recovery) {
        List<String> state = new ArrayList<>();
        recovery.snapshot().ifPresent(s -> {
            String text = new String(s.state(), StandardCharsets.UTF_8);
            if (!text.isEmpty()) {
                state.addAll(Arrays.asList(text.split("\n")));
            }
        });
        recovery.entries().forEach(e -> state.add(new String(e.payload(), StandardCharsets.UTF_8)));
        return state;
    }

    @Test
    void killMinus9_duringWrites_losesNoAcknowledgedEntry() throws Exception {
        long acknowledged = 0;
        for (int crash = 0; crash < 3; crash++) {
            long before = acknowledged;
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            CrashWriter.class.getName(),
                            dir.toString())
                    .redirectErrorStream(true)
                    .start();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("acked ")) {
                        acknowledged = Long.parseLong(line.split(" ")[1]);
                        if (acknowledged >= before + 150 + crash * 37) {
                            child.destroyForcibly();
                            break;
                        }
                    }
                }
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(acknowledged)
                    .as("child made progress in round %d", crash)
                    .isGreaterThan(before);

            try (DurableLog log = DurableLog.open(dir, SyncPolicy.EVERY_WRITE, Clock.systemUTC())) {
                List<String> state = rebuild(log.recovery());
                assertThat(log.lastSequence()).isGreaterThanOrEqualTo(acknowledged);
                assertThat(state).hasSize((int) log.lastSequence());
                for (int i = 0; i < state.size(); i++) {
                    assertThat(state.get(i)).startsWith("item-" + i + "-");
                }
            }
        }
    }
}
