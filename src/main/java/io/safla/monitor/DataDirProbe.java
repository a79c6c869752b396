package io.safla.monitor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Watches the data directory: free space against two thresholds and writability probed by a real small write,
 * {@code fsync} and delete (permission bits say nothing for root, nor for a read-only mount). A reading is kept for
 * {@code maxAge} so a write request does not pay for a probe each time; a write that failed on the disk marks the
 * directory bad at once, and the next probe after {@code maxAge} clears it when space is back. Thread-safe.
 */
public final class DataDirProbe {

    /** What the data directory allows. */
    public enum State {
        /** Writable, free space above the low mark. */
        OK,
        /** Writable but below the low mark: writes still accepted; the operator should act. */
        LOW,
        /** Free space below the reserve, or a write failed with no space left: writes refused (507). */
        FULL,
        /** Cannot be written (read-only, permission, I/O error): writes refused (503). */
        UNWRITABLE
    }

    public record Reading(State state, long freeBytes, String reason, Instant at) {

        public boolean writable() {
            return state == State.OK || state == State.LOW;
        }

        public ComponentHealth health() {
            HealthLevel level = switch (state) {
                case OK -> HealthLevel.UP;
                case LOW -> HealthLevel.DEGRADED;
                case FULL, UNWRITABLE -> HealthLevel.DOWN;
            };
            return new ComponentHealth("dataDir", level, reason);
        }
    }

    private static final String PROBE_FILE = ".write-probe";

    private final Path directory;
    private final long lowBytes;
    private final long reserveBytes;
    private final Duration maxAge;
    private final Clock clock;
    private volatile @Nullable Reading last;

    /**
     * @param lowBytes below this much free space the directory is {@link State#LOW}
     * @param reserveBytes below this much it is {@link State#FULL} and writes are refused
     */
    public DataDirProbe(Path directory, long lowBytes, long reserveBytes, Duration maxAge, Clock clock) {
        if (lowBytes < reserveBytes || reserveBytes < 0) {
            throw new IllegalArgumentException("need 0 <= reserve <= low, got " + reserveBytes + " and " + lowBytes);
        }
        this.directory = directory;
        this.lowBytes = lowBytes;
        this.reserveBytes = reserveBytes;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /** The latest reading, probing again when it is older than {@code maxAge}. */
    public Reading current() {
        Reading r = last;
        if (r == null || !clock.instant().isBefore(r.at().plus(maxAge))) {
            return probe();
        }
        return r;
    }

    /** Probes now. */
    public synchronized Reading probe() {
        Reading reading = measure();
        last = reading;
        return reading;
    }

    /** A write to the directory just failed: refuse writes until a probe after {@code maxAge} says otherwise. */
    public void markFailed(boolean noSpace, String why) {
        Reading r = last;
        long free = r == null ? -1 : r.freeBytes();
        last = new Reading(
                noSpace ? State.FULL : State.UNWRITABLE,
                free,
                (noSpace ? "data directory full: " : "data directory not writable: ") + why,
                clock.instant());
    }

    private Reading measure() {
        Instant now = clock.instant();
        long free;
        try {
            Files.createDirectories(directory);
            free = Files.getFileStore(directory).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return new Reading(State.UNWRITABLE, -1, "data directory unusable: " + kind(e), now);
        }
        // no path and no exception message: this reason is shown on the public status (the log has the details)
        String reading = mb(free) + " free in the data directory";
        Path probe = directory.resolve(PROBE_FILE);
        try (FileChannel channel = FileChannel.open(
                probe, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(new byte[512]);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(probe);
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            boolean noSpace = message.contains("no space left") || message.contains("quota");
            return noSpace
                    ? new Reading(
                            State.FULL,
                            free,
                            "data directory full: a probe write failed (" + kind(e) + "); " + reading,
                            now)
                    : new Reading(
                            State.UNWRITABLE,
                            free,
                            "data directory not writable: a probe write failed (" + kind(e) + "); " + reading,
                            now);
        }
        try {
            Files.delete(probe);
        } catch (IOException e) {
            return new Reading(
                    State.UNWRITABLE,
                    free,
                    "data directory not writable: cannot delete the probe file (" + kind(e) + ")",
                    now);
        }
        if (free < reserveBytes) {
            return new Reading(
                    State.FULL,
                    free,
                    "data directory full: " + reading + ", below the reserve of " + mb(reserveBytes)
                            + "; writes are refused",
                    now);
        }
        if (free < lowBytes) {
            return new Reading(State.LOW, free, reading + ": below " + mb(lowBytes), now);
        }
        return new Reading(State.OK, free, reading, now);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the probe file is tiny; the next probe truncates it
        }
    }

    private static String mb(long bytes) {
        return bytes >= 10L * 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    /** The kind of failure without its message, which may name paths. */
    private static String kind(Throwable e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("no space left")) {
            return "no space left on the device";
        }
        if (message.contains("read-only")) {
            return "read-only file system";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName();
    }
}
