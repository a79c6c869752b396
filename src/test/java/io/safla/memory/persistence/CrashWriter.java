package io.safla.memory.persistence;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process for {@link CrashRecoveryTest}: appends numbered entries forever, snapshotting every 40, and prints
 * {@code acked N} after each append returns. The parent kills it with SIGKILL at a random moment.
 */
public final class CrashWriter {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (DurableLog log = DurableLog.open(dir, SyncPolicy.EVERY_WRITE, Clock.systemUTC())) {
            List<String> state = new ArrayList<>(CrashRecoveryTest.rebuild(log.recovery()));
            for (int i = state.size(); ; i++) {
                String item = "item-" + i + "-" + "x".repeat(i % 200);
                long sequence = log.append("put", item.getBytes(StandardCharsets.UTF_8));
                state.add(item);
                out.println("acked " + sequence + " " + item.length());
                if (sequence % 40 == 0) {
                    log.snapshot(String.join("\n", state).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }
}
