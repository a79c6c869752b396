package io.safla.memory.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * An append-only operation log in segments plus periodic snapshots, in one directory.
 *
 * <p>Implementation notes. A segment file {@code log-<first sequence>.seg} starts with an 20-byte header (magic,
 * format version, first sequence) followed by records {@code [magic:int][length:int][crc32:int][sequence:long]
 * [opLength:short][op][payload]}, the CRC covering everything after itself. A snapshot file
 * {@code snapshot-<sequence>.snap} holds a header (magic, version, sequence, creation time, length, CRC32) and the
 * state; it is written to a temporary file, forced, atomically renamed and the directory forced, so a reader sees
 * either the whole snapshot or none. After a snapshot a new segment starts; the two newest snapshots and the segments
 * needed to replay from the older of them are kept, so one damaged snapshot still leaves a way back.
 *
 * <p>On open, the newest snapshot whose checksum holds is chosen and the log entries after it are read. A record cut
 * short or failing its checksum at the end of the last segment is a torn write from a crash: the tail is truncated
 * and reported. The same damage earlier in the log stops the replay there, and is reported as lost entries.
 *
 * <p>Durability follows {@link SyncPolicy}: with {@code EVERY_WRITE} an append returns only after {@code fsync}.
 * Methods are thread-safe.
 */
public final class DurableLog implements AutoCloseable {

    static final int FORMAT_VERSION = 1;
    private static final long SEGMENT_MAGIC = 0x5341464C414C4F47L; // "SAFLALOG"
    private static final long SNAPSHOT_MAGIC = 0x5341464C41534E50L; // "SAFLASNP"
    private static final int RECORD_MAGIC = 0x5AF1A10C;
    private static final int SEGMENT_HEADER = 8 + 4 + 8;
    private static final int RECORD_HEADER = 4 + 4 + 4;
    private static final int SNAPSHOT_HEADER = 8 + 4 + 8 + 8 + 4 + 4;
    /** Guards against reading a garbage length as a huge allocation. */
    static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

    private static final Pattern SEGMENT = Pattern.compile("log-(\\d{19})\\.seg");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{19})\\.snap");
    private static final int SNAPSHOTS_KEPT = 2;

    private final Path directory;
    private final SyncPolicy syncPolicy;
    private final Clock clock;
    private final Recovery recovery;
    private FileChannel segment;
    private long lastSequence;
    private long appendedSinceSnapshot;

    private DurableLog(Path directory, SyncPolicy syncPolicy, Clock clock) throws IOException {
        this.directory = directory;
        this.syncPolicy = syncPolicy;
        this.clock = clock;
        Files.createDirectories(directory);
        this.recovery = recover();
    }

    /** Opens (creating if needed) the log in {@code directory}, recovering and repairing what is there. */
    public static DurableLog open(Path directory, SyncPolicy syncPolicy, Clock clock) throws IOException {
        return new DurableLog(directory, syncPolicy, clock);
    }

    /** What was on disk when the log was opened; the engine rebuilds its state from it. */
    public Recovery recovery() {
        return recovery;
    }

    /** The sequence of the newest durable entry (0 for an empty log). */
    public synchronized long lastSequence() {
        return lastSequence;
    }

    /** Entries appended since the last snapshot, to decide when the next one is due. */
    public synchronized long appendedSinceSnapshot() {
        return appendedSinceSnapshot;
    }

    /** Appends one entry and returns its sequence once it is durable under the sync policy. */
    public synchronized long append(String operation, byte[] payload) {
        return appendAll(List.of(Map.entry(operation, payload)));
    }

    /** Appends entries in order with a single sync; returns the sequence of the last one. */
    public synchronized long appendAll(List<Map.Entry<String, byte[]>> operations) {
        if (operations.isEmpty()) {
            return lastSequence;
        }
        try {
            long sequence = lastSequence;
            List<ByteBuffer> records = new ArrayList<>(operations.size());
            for (Map.Entry<String, byte[]> op : operations) {
                records.add(encode(new LogEntry(++sequence, op.getKey(), op.getValue())));
            }
            for (ByteBuffer record : records) {
                while (record.hasRemaining()) {
                    segment.write(record);
                }
            }
            sync(segment);
            appendedSinceSnapshot += operations.size();
            lastSequence = sequence;
            return sequence;
        } catch (IOException e) {
            throw new UncheckedIOException("append to " + directory + " failed", e);
        }
    }

    /**
     * Writes {@code state}, which must reflect every entry up to {@link #lastSequence()}, as a snapshot; starts a new
     * segment and removes files no longer needed. The caller holds its own write lock so no entry slips in between.
     */
    public synchronized Snapshot snapshot(byte[] state) {
        try {
            Snapshot snapshot = new Snapshot(lastSequence, clock.instant(), state);
            Path target = directory.resolve(snapshotName(snapshot.sequence()));
            Path temporary = directory.resolve(target.getFileName() + ".tmp");
            try (FileChannel out = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer header = ByteBuffer.allocate(SNAPSHOT_HEADER);
                header.putLong(SNAPSHOT_MAGIC)
                        .putInt(FORMAT_VERSION)
                        .putLong(snapshot.sequence())
                        .putLong(snapshot.createdAt().toEpochMilli())
                        .putInt(state.length)
                        .putInt(crc(state));
                header.flip();
                writeFully(out, header);
                writeFully(out, ByteBuffer.wrap(state));
                out.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory();
            segment.close();
            segment = createSegment(lastSequence + 1);
            appendedSinceSnapshot = 0;
            prune();
            return snapshot;
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot in " + directory + " failed", e);
        }
    }

    /** Bytes on disk in segments and snapshots. */
    public synchronized long diskBytes() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (segment != null && segment.isOpen()) {
            sync(segment);
            segment.close();
        }
    }

    private Recovery recover() throws IOException {
        List<String> problems = new ArrayList<>();
        Optional<Snapshot> snapshot = Optional.empty();
        for (Path file : list(SNAPSHOT, Comparator.reverseOrder())) {
            try {
                snapshot = Optional.of(readSnapshot(file));
                break;
            } catch (IOException | RuntimeException e) {
                problems.add("skipped unreadable snapshot " + file.getFileName() + ": " + e.getMessage());
            }
        }
        long from = snapshot.map(Snapshot::sequence).orElse(0L);
        List<LogEntry> entries = new ArrayList<>();
        long truncated = 0;
        long expected = -1;
        List<Path> segments = list(SEGMENT, Comparator.naturalOrder());
        Path last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        boolean stopped = false;
        for (Path file : segments) {
            if (stopped) {
                problems.add("ignored " + file.getFileName() + " after earlier damage");
                continue;
            }
            SegmentScan scan = scan(file);
            for (LogEntry entry : scan.entries) {
                if (expected != -1 && entry.sequence() != expected) {
                    problems.add("sequence gap in " + file.getFileName() + ": expected " + expected + ", found "
                            + entry.sequence());
                }
                expected = entry.sequence() + 1;
                if (entry.sequence() > from) {
                    entries.add(entry);
                }
            }
            if (scan.damage != null) {
                long cut = Files.size(file) - scan.validBytes;
                if (file.equals(last)) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.truncate(scan.validBytes);
                        channel.force(true);
                    }
                    truncated += cut;
                    problems.add("truncated a torn tail of " + cut + " bytes in " + file.getFileName() + " ("
                            + scan.damage + ")");
                } else {
                    problems.add("damaged record in " + file.getFileName() + " (" + scan.damage
                            + "); later entries were not replayed");
                    stopped = true;
                }
            }
        }
        long newest = entries.isEmpty()
                ? from
                : Math.max(from, entries.get(entries.size() - 1).sequence());
        lastSequence = newest;
        appendedSinceSnapshot = entries.size();
        if (last != null && !stopped && firstSequence(last) <= newest + 1 && Files.size(last) >= SEGMENT_HEADER) {
            segment = FileChannel.open(last, StandardOpenOption.WRITE);
            segment.position(segment.size());
        } else {
            segment = createSegment(newest + 1);
        }
        return new Recovery(snapshot, entries, new RecoveryReport(from, entries.size(), truncated, problems));
    }

    private record SegmentScan(List<LogEntry> entries, long validBytes, String damage) {}

    private static SegmentScan scan(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<LogEntry> entries = new ArrayList<>();
        if (bytes.length < SEGMENT_HEADER) {
            return new SegmentScan(entries, 0, "incomplete segment header");
        }
        if (in.getLong() != SEGMENT_MAGIC || in.getInt() != FORMAT_VERSION) {
            return new SegmentScan(entries, 0, "not a version " + FORMAT_VERSION + " segment");
        }
        in.getLong();
        while (in.hasRemaining()) {
            int start = in.position();
            if (in.remaining() < RECORD_HEADER) {
                return new SegmentScan(entries, start, "record header cut short");
            }
            int magic = in.getInt();
            int length = in.getInt();
            int crc = in.getInt();
            if (magic != RECORD_MAGIC || length < 10 || length > MAX_RECORD_BYTES) {
                return new SegmentScan(entries, start, "bad record header");
            }
            if (in.remaining() < length) {
                return new SegmentScan(entries, start, "record cut short");
            }
            byte[] body = new byte[length];
            in.get(body);
            if (crc(body) != crc) {
                return new SegmentScan(entries, start, "checksum mismatch");
            }
            ByteBuffer b = ByteBuffer.wrap(body);
            long sequence = b.getLong();
            int opLength = b.getShort();
            if (opLength <= 0 || opLength > b.remaining()) {
                return new SegmentScan(entries, start, "bad operation length");
            }
            byte[] op = new byte[opLength];
            b.get(op);
            byte[] payload = new byte[b.remaining()];
            b.get(payload);
            entries.add(new LogEntry(sequence, new String(op, StandardCharsets.UTF_8), payload));
        }
        return new SegmentScan(entries, bytes.length, null);
    }

    private static Snapshot readSnapshot(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < SNAPSHOT_HEADER || in.getLong() != SNAPSHOT_MAGIC) {
            throw new IOException("not a snapshot");
        }
        int version = in.getInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("unsupported snapshot version " + version);
        }
        long sequence = in.getLong();
        Instant createdAt = Instant.ofEpochMilli(in.getLong());
        int length = in.getInt();
        int crc = in.getInt();
        if (length < 0 || length != in.remaining()) {
            throw new IOException("length " + length + " does not match the file");
        }
        byte[] state = new byte[length];
        in.get(state);
        if (crc(state) != crc) {
            throw new IOException("checksum mismatch");
        }
        return new Snapshot(sequence, createdAt, state);
    }

    private static ByteBuffer encode(LogEntry entry) {
        byte[] op = entry.operation().getBytes(StandardCharsets.UTF_8);
        int length = 8 + 2 + op.length + entry.payload().length;
        if (length > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("entry too large: " + length + " bytes");
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        body.putLong(entry.sequence()).putShort((short) op.length).put(op).put(entry.payload());
        ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER + length);
        record.putInt(RECORD_MAGIC).putInt(length).putInt(crc(body.array())).put(body.array());
        return record.flip();
    }

    private FileChannel createSegment(long firstSequence) throws IOException {
        Path file = directory.resolve(segmentName(firstSequence));
        FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER);
        header.putLong(SEGMENT_MAGIC)
                .putInt(FORMAT_VERSION)
                .putLong(firstSequence)
                .flip();
        writeFully(channel, header);
        channel.force(true);
        syncDirectory();
        return channel;
    }

    private void prune() throws IOException {
        List<Path> snapshots = list(SNAPSHOT, Comparator.reverseOrder());
        if (snapshots.size() < SNAPSHOTS_KEPT) {
            return;
        }
        long oldestKept = sequenceOf(snapshots.get(SNAPSHOTS_KEPT - 1), SNAPSHOT);
        for (Path old : snapshots.subList(SNAPSHOTS_KEPT, snapshots.size())) {
            Files.deleteIfExists(old);
        }
        for (Path file : list(SEGMENT, Comparator.naturalOrder())) {
            if (firstSequence(file) <= oldestKept) {
                Files.deleteIfExists(file);
            }
        }
    }

    private List<Path> list(Pattern pattern, Comparator<String> order) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> pattern.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(p -> p.getFileName().toString(), order))
                    .toList();
        }
    }

    private static long firstSequence(Path segmentFile) {
        return sequenceOf(segmentFile, SEGMENT);
    }

    private static long sequenceOf(Path file, Pattern pattern) {
        Matcher m = pattern.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        return Long.parseLong(m.group(1));
    }

    static String segmentName(long firstSequence) {
        return String.format("log-%019d.seg", firstSequence);
    }

    static String snapshotName(long sequence) {
        return String.format("snapshot-%019d.snap", sequence);
    }

    private void sync(FileChannel channel) throws IOException {
        if (syncPolicy == SyncPolicy.EVERY_WRITE) {
            channel.force(false);
        }
    }

    private void syncDirectory() {
        // makes the rename or creation itself durable; not supported on every platform, harmless to skip there
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
