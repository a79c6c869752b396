package io.safla.memory.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What the fsync policy costs: appends per second to a {@link DurableLog} in a temporary directory under
 * {@code --dir} (default: the system temp dir), with a payload the size of one stored 384-d item (1 700 bytes),
 * for {@code EVERY_WRITE} one entry per append (how single inserts are logged), {@code EVERY_WRITE} in batches
 * ({@code appendAll}, how bulk imports and re-embedding are logged) and {@code OS_BUFFERED}. Not JMH: each run
 * is a few thousand real appends; it prints one JSON line per case and run.
 *
 * <p>{@code ./mvnw -q -B -Pjmh -DskipTests compile exec:exec -Djmh.main=io.safla.memory.persistence.DurableLogBench
 * -Djmh.args="--entries 2000 --batch 100 --runs 3"}
 */
public final class DurableLogBench {

    private DurableLogBench() {
    }

    public static void main(String[] args) throws IOException {
        int entries = 2000;
        int batch = 100;
        int runs = 3;
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--entries" -> entries = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--dir" -> base = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        byte[] payload = new byte[1700];
        new Random(42).nextBytes(payload);
        for (int run = 1; run <= runs; run++) {
            report("EVERY_WRITE", 1, run, measure(base, SyncPolicy.EVERY_WRITE, entries, 1, payload), entries);
            report("EVERY_WRITE", batch, run, measure(base, SyncPolicy.EVERY_WRITE, entries, batch, payload), entries);
            report("OS_BUFFERED", 1, run, measure(base, SyncPolicy.OS_BUFFERED, entries, 1, payload), entries);
        }
    }

    private static long measure(Path base, SyncPolicy policy, int entries, int batch, byte[] payload)
            throws IOException {
        Path dir = Files.createTempDirectory(base, "durable-log-bench");
        try (DurableLog log = DurableLog.open(dir, policy, Clock.systemUTC())) {
            List<Map.Entry<String, byte[]>> ops = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                ops.add(Map.entry("put", payload));
            }
            long t0 = System.nanoTime();
            for (int done = 0; done < entries; done += batch) {
                if (batch == 1) {
                    log.append("put", payload);
                } else {
                    log.appendAll(ops);
                }
            }
            return System.nanoTime() - t0;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void report(String policy, int batch, int run, long nanos, int entries) {
        double perSecond = entries / (nanos / 1e9);
        System.out.printf(Locale.ROOT, "{\"policy\":\"%s\",\"batch\":%d,\"run\":%d,\"entries\":%d,\"appends_per_s\":%.0f,"
                + "\"us_per_append\":%.1f}%n", policy, batch, run, entries, perSecond, nanos / 1e3 / entries);
    }

}
