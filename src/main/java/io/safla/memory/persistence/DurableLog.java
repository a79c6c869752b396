package io.safla.memory.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.jspecify.annotations.Nullable;

/**
 * An append-only operation log in segments plus periodic snapshots, in one directory.
 *
 * <p>Implementation notes. A segment file {@code log-<first sequence>.seg} starts with an 20-byte header (magic,
 * format version, first sequence) followed by records {@code [magic:int][length:int][crc32:int][sequence:long]
 * [opLength:short][op][payload]}, the CRC covering everything after itself. A snapshot file
 * {@code snapshot-<sequence>.snap} holds a header (magic, version, sequence, creation time, length, CRC32) and the
 * state; it is written to a temporary file, forced, atomically renamed, the directory forced, and read back: only a
 * snapshot that reads back with a good checksum counts. After a snapshot a new segment starts.
 *
 * <p>Writes. An append writes its records and forces them; only then does it return. If any write or the force
 * fails (a full disk, an unwritable directory), the segment is truncated back to the end of the last good record
 * before anything else is written, and a {@link LogAppendException} is thrown, so the caller never applies an entry
 * that is not durable and a later entry never follows a partial one. If even the truncation fails the segment is
 * sealed: no further byte is written to it, and the next append starts a new segment at the same sequence (recovery
 * ignores entries of a sealed segment at or above the next segment's first sequence, so a failed entry is never
 * replayed). Once a segment with a higher first sequence exists, nothing is appended to an older one.
 *
 * <p>Clean-up keeps the two newest snapshots that read back correctly and every segment holding an entry above the
 * older of them, so a damaged newest snapshot still leaves the older one plus the log. A segment's range ends where
 * the next segment begins, which stays right when a crash came between a snapshot's rename and the next segment.
 *
 * <p>Recovery. The newest snapshot whose checksum holds is chosen (damaged newer ones are renamed to
 * {@code .damaged} and reported), stale {@code .tmp} files are removed, and every segment is read. A bad record at
 * the very end of the last segment is a torn write from a crash: it is truncated and noted. A bad record that valid
 * records follow is not a torn tail: reading resumes at the next valid record, the file is rewritten with the valid
 * records (the damaged original kept beside it as {@code .damaged-<millis>}) and it is reported in
 * {@link RecoveryReport#damage()}, as is any gap in the sequence.
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
    private static final Pattern STALE = Pattern.compile("(snapshot-\\d{19}\\.snap|log-\\d{19}\\.seg)\\.(tmp|repair)");
    private static final int SNAPSHOTS_KEPT = 2;

    private final Path directory;
    private final SyncPolicy syncPolicy;
    private final Clock clock;
    private final FileIo io;
    private final Recovery recovery;
    private @Nullable FileChannel segment;
    /** Where the last good record of the active segment ends; a failed append is cut back to here. */
    private long goodEnd;
    /** Why the active segment takes no more writes (a failed append could not be cut back), or null. */
    private @Nullable String sealed;

    private long lastSequence;
    private long appendedSinceSnapshot;

    private DurableLog(Path directory, SyncPolicy syncPolicy, Clock clock, FileIo io) throws IOException {
        this.directory = directory;
        this.syncPolicy = syncPolicy;
        this.clock = clock;
        this.io = io;
        Files.createDirectories(directory);
        this.recovery = recover();
    }

    /** Opens (creating if needed) the log in {@code directory}, recovering and repairing what is there. */
    public static DurableLog open(Path directory, SyncPolicy syncPolicy, Clock clock) throws IOException {
        return new DurableLog(directory, syncPolicy, clock, FileIo.DEFAULT);
    }

    /** As {@link #open(Path, SyncPolicy, Clock)}, writing through {@code io} (tests inject faults with it). */
    public static DurableLog open(Path directory, SyncPolicy syncPolicy, Clock clock, FileIo io) throws IOException {
        return new DurableLog(directory, syncPolicy, clock, io);
    }

    /** What was on disk when the log was opened; the engine rebuilds its state from it. */
    public Recovery recovery() {
        return recovery;
    }

    public Path directory() {
        return directory;
    }

    /** The sequence of the newest durable entry (0 for an empty log). */
    public synchronized long lastSequence() {
        return lastSequence;
    }

    /** Entries appended since the last snapshot, to decide when the next one is due. */
    public synchronized long appendedSinceSnapshot() {
        return appendedSinceSnapshot;
    }

    /** Why the active segment is sealed (the next append starts a new one first), if it is. */
    public synchronized Optional<String> sealed() {
        return Optional.ofNullable(sealed);
    }

    /** Appends one entry and returns its sequence once it is durable under the sync policy. */
    public synchronized long append(String operation, byte[] payload) {
        return appendAll(List.of(Map.entry(operation, payload)));
    }

    /**
     * Appends entries in order with a single sync; returns the sequence of the last one once all are durable.
     *
     * @throws LogAppendException when they are not; none of them will be replayed then
     */
    public synchronized long appendAll(List<Map.Entry<String, byte[]>> operations) {
        if (operations.isEmpty()) {
            return lastSequence;
        }
        long sequence = lastSequence;
        List<ByteBuffer> records = new ArrayList<>(operations.size());
        long total = 0;
        for (Map.Entry<String, byte[]> op : operations) {
            ByteBuffer record = encode(new LogEntry(++sequence, op.getKey(), op.getValue()));
            total += record.remaining();
            records.add(record);
        }
        FileChannel channel = writableSegment();
        long start = goodEnd;
        try {
            channel.position(start);
            for (ByteBuffer record : records) {
                writeFully(channel, record);
            }
            sync(channel);
        } catch (IOException | RuntimeException e) {
            IOException cause = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            cutBack(channel, start, cause);
            throw new LogAppendException("append to " + directory + " failed: " + describe(cause), cause);
        }
        goodEnd = start + total;
        appendedSinceSnapshot += operations.size();
        lastSequence = sequence;
        return sequence;
    }

    /** The active segment, starting a new one first when the current one is sealed. */
    private FileChannel writableSegment() {
        FileChannel current = segment;
        if (sealed == null && current != null && current.isOpen()) {
            return current;
        }
        try {
            FileChannel next = createSegment(lastSequence + 1);
            closeQuietly(current);
            segment = next;
            goodEnd = SEGMENT_HEADER;
            sealed = null;
            return next;
        } catch (IOException e) {
            throw new LogAppendException(
                    "the log in " + directory + " is sealed (" + sealed + ") and no new segment could be started: "
                            + describe(e),
                    e);
        }
    }

    private void cutBack(FileChannel channel, long end, IOException cause) {
        try {
            channel.truncate(end);
            channel.position(end);
            channel.force(true);
        } catch (IOException | RuntimeException t) {
            cause.addSuppressed(t);
            sealed = "a failed append could not be cut back: " + describe(t);
            closeQuietly(channel);
        }
    }

    /**
     * Writes {@code state}, which must reflect every entry up to {@link #lastSequence()}, as a snapshot, reads it
     * back, starts a new segment and removes files no longer needed. The caller holds its own write lock so no entry
     * slips in between. On failure nothing is removed and the temporary file is deleted; the log stays usable.
     */
    public synchronized Snapshot snapshot(byte[] state) {
        Snapshot snapshot = new Snapshot(lastSequence, clock.instant(), state);
        Path target = directory.resolve(snapshotName(snapshot.sequence()));
        Path temporary = directory.resolve(target.getFileName() + ".tmp");
        try {
            try (FileChannel out = io.open(
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
            io.replace(temporary, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException(
                    "snapshot in " + directory + " failed: " + describe(e),
                    e instanceof IOException io ? io : new IOException(e));
        }
        syncDirectory();
        try {
            Snapshot back = readSnapshot(target);
            if (back.sequence() != snapshot.sequence() || crc(back.state()) != crc(state)) {
                throw new IOException("read back a different snapshot");
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(target);
            throw new UncheckedIOException(
                    "snapshot " + target.getFileName() + " did not read back: " + describe(e),
                    e instanceof IOException io ? io : new IOException(e));
        }
        appendedSinceSnapshot = 0;
        // the snapshot stands; a new segment is started now, or by the next append if this fails (sealing the old
        // one either way, so nothing is appended to a segment older than the newest file)
        sealed = "a snapshot was taken";
        try {
            writableSegment();
        } catch (LogAppendException e) {
            // the next append tries again and reports the failure
        }
        try {
            prune();
        } catch (IOException | RuntimeException e) {
            // clean-up is retried after the next snapshot
        }
        return snapshot;
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
        FileChannel current = segment;
        if (current != null && current.isOpen()) {
            try {
                if (sealed == null) {
                    sync(current);
                }
            } finally {
                current.close();
            }
        }
    }

    // ---------------------------------------------------------------- recovery

    private Recovery recover() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> damage = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path stale : files.filter(
                            p -> STALE.matcher(p.getFileName().toString()).matches())
                    .toList()) {
                Files.deleteIfExists(stale);
                problems.add("removed a temporary file left by an interrupted write: " + stale.getFileName());
            }
        }
        Optional<Snapshot> snapshot = Optional.empty();
        for (Path file : list(SNAPSHOT, Comparator.reverseOrder())) {
            try {
                snapshot = Optional.of(readSnapshot(file));
                break;
            } catch (IOException | RuntimeException e) {
                Path aside = file.resolveSibling(file.getFileName() + ".damaged");
                String moved = moveAside(file, aside);
                damage.add("snapshot " + file.getFileName() + " is unreadable (" + e.getMessage()
                        + "); recovered from the previous snapshot and the log instead; " + moved);
            }
        }
        long from = snapshot.map(Snapshot::sequence).orElse(0L);
        List<LogEntry> entries = new ArrayList<>();
        long truncated = 0;
        long previous = from;
        List<Path> segments = list(SEGMENT, Comparator.naturalOrder());
        for (int i = 0; i < segments.size(); i++) {
            Path file = segments.get(i);
            boolean last = i == segments.size() - 1;
            long limit = last ? Long.MAX_VALUE : firstSequence(segments.get(i + 1));
            SegmentScan scan = scan(file);
            long superseded = 0;
            for (LogEntry entry : scan.entries) {
                if (entry.sequence() >= limit) {
                    superseded++;
                    continue;
                }
                if (entry.sequence() <= previous) {
                    if (entry.sequence() > from) {
                        damage.add("entry " + entry.sequence() + " in " + file.getFileName()
                                + " repeats an earlier sequence; ignored");
                    }
                    continue;
                }
                if (entry.sequence() != previous + 1) {
                    damage.add("entries " + (previous + 1) + " to " + (entry.sequence() - 1)
                            + " are missing (next found in " + file.getFileName() + ")");
                }
                previous = entry.sequence();
                entries.add(entry);
            }
            if (superseded > 0) {
                problems.add("ignored " + superseded + " unacknowledged entries at the end of sealed segment "
                        + file.getFileName());
            }
            if (scan.middleDamage.isEmpty() && scan.tailDamage == null) {
                continue;
            }
            long fileSize = Files.size(file);
            if (!scan.middleDamage.isEmpty()) {
                String repaired = rewrite(file, scan);
                damage.add("damaged records in " + file.getFileName() + " with valid records after them ("
                        + String.join("; ", scan.middleDamage) + "); " + scan.entries.size()
                        + " valid records recovered; " + repaired);
            } else if (last) {
                long cut = fileSize - scan.validBytes;
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(scan.validBytes);
                    channel.force(true);
                }
                truncated += cut;
                problems.add("truncated a torn tail of " + cut + " bytes in " + file.getFileName() + " ("
                        + scan.tailDamage + ")");
            } else {
                problems.add("ignored an unfinished tail of " + (fileSize - scan.validBytes) + " bytes in sealed "
                        + "segment " + file.getFileName() + " (" + scan.tailDamage + ")");
            }
        }
        if (!segments.isEmpty()) {
            long firstLogged = firstSequence(segments.get(0));
            if (firstLogged > from + 1 && previous == from) {
                damage.add("the log starts at " + firstLogged + " but the newest readable snapshot ends at " + from
                        + "; entries in between are missing");
            }
        }
        Path last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last != null && Files.size(last) < SEGMENT_HEADER) {
            Files.delete(last); // a segment whose creation was cut short holds nothing
            last = null;
        }
        // after a gap the numbering goes on above the newest segment's start, so new entries sort after it
        lastSequence = last == null ? previous : Math.max(previous, firstSequence(last) - 1);
        appendedSinceSnapshot = entries.size();
        if (last != null) {
            FileChannel channel = io.open(last, StandardOpenOption.WRITE);
            goodEnd = channel.size();
            channel.position(goodEnd);
            segment = channel;
        } else {
            segment = createSegment(lastSequence + 1);
            goodEnd = SEGMENT_HEADER;
        }
        return new Recovery(snapshot, entries, new RecoveryReport(from, entries.size(), truncated, problems, damage));
    }

    /** Rewrites a segment with its valid records only, keeping the damaged original beside it. */
    private String rewrite(Path file, SegmentScan scan) {
        Path repair = file.resolveSibling(file.getFileName() + ".repair");
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + clock.millis());
        try {
            try (FileChannel out = io.open(
                    repair,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                writeFully(out, segmentHeader(firstSequence(file)));
                for (LogEntry entry : scan.entries) {
                    writeFully(out, encode(entry));
                }
                out.force(true);
            }
            Files.copy(file, aside);
            io.replace(repair, file);
            syncDirectory();
            return "the damaged file was kept as " + aside.getFileName();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(repair);
            return "it could not be rewritten (" + describe(e) + "), it is read around the damage at every start";
        }
    }

    private String moveAside(Path file, Path aside) {
        try {
            io.replace(file, aside);
            return "moved aside as " + aside.getFileName();
        } catch (IOException | RuntimeException e) {
            return "could not move it aside: " + describe(e);
        }
    }

    private record SegmentScan(
            List<LogEntry> entries,
            long validBytes,
            List<String> middleDamage,
            @Nullable String tailDamage) {}

    private record Parsed(@Nullable LogEntry entry, int end, String problem) {}

    private static SegmentScan scan(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<LogEntry> entries = new ArrayList<>();
        List<String> middle = new ArrayList<>();
        if (bytes.length < SEGMENT_HEADER) {
            return new SegmentScan(entries, 0, middle, "incomplete segment header");
        }
        if (in.getLong() != SEGMENT_MAGIC || in.getInt() != FORMAT_VERSION) {
            return new SegmentScan(entries, 0, middle, "not a version " + FORMAT_VERSION + " segment");
        }
        int pos = SEGMENT_HEADER;
        long validEnd = pos;
        long lastSeq = 0;
        while (pos < bytes.length) {
            Parsed parsed = parse(bytes, pos);
            if (parsed.entry != null && parsed.entry.sequence() > lastSeq) {
                entries.add(parsed.entry);
                lastSeq = parsed.entry.sequence();
                pos = parsed.end;
                validEnd = pos;
                continue;
            }
            String problem = parsed.entry != null ? "sequence out of order" : parsed.problem;
            int next = -1;
            for (int q = pos + 1; q + RECORD_HEADER <= bytes.length; q++) {
                if (ByteBuffer.wrap(bytes, q, 4).getInt() == RECORD_MAGIC) {
                    Parsed candidate = parse(bytes, q);
                    if (candidate.entry != null && candidate.entry.sequence() > lastSeq) {
                        next = q;
                        break;
                    }
                }
            }
            if (next < 0) {
                return new SegmentScan(entries, validEnd, middle, problem + " at offset " + pos);
            }
            middle.add(problem + " at offset " + pos + ", " + (next - pos) + " bytes skipped");
            pos = next;
        }
        return new SegmentScan(entries, validEnd, middle, null);
    }

    private static Parsed parse(byte[] bytes, int start) {
        if (bytes.length - start < RECORD_HEADER) {
            return new Parsed(null, start, "record header cut short");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        int magic = in.getInt();
        int length = in.getInt();
        int crc = in.getInt();
        if (magic != RECORD_MAGIC || length < 10 || length > MAX_RECORD_BYTES) {
            return new Parsed(null, start, "bad record header");
        }
        if (in.remaining() < length) {
            return new Parsed(null, start, "record cut short");
        }
        byte[] body = new byte[length];
        in.get(body);
        if (crc(body) != crc) {
            return new Parsed(null, start, "checksum mismatch");
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        long sequence = b.getLong();
        int opLength = b.getShort();
        if (opLength <= 0 || opLength > b.remaining() || sequence < 1) {
            return new Parsed(null, start, "bad operation length");
        }
        byte[] op = new byte[opLength];
        b.get(op);
        byte[] payload = new byte[b.remaining()];
        b.get(payload);
        try {
            return new Parsed(
                    new LogEntry(sequence, new String(op, StandardCharsets.UTF_8), payload),
                    start + RECORD_HEADER + length,
                    "");
        } catch (IllegalArgumentException e) {
            return new Parsed(null, start, "bad entry: " + e.getMessage());
        }
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

    /** One record as written to a segment (package-private so tests can craft damaged files). */
    static ByteBuffer encode(LogEntry entry) {
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

    static ByteBuffer segmentHeader(long firstSequence) {
        ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER);
        header.putLong(SEGMENT_MAGIC).putInt(FORMAT_VERSION).putLong(firstSequence);
        return header.flip();
    }

    /** Creates (or overwrites an unfinished) segment; on failure removes what it wrote. */
    private FileChannel createSegment(long firstSequence) throws IOException {
        Path file = directory.resolve(segmentName(firstSequence));
        FileChannel channel = null;
        try {
            channel = io.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            writeFully(channel, segmentHeader(firstSequence));
            channel.force(true);
            syncDirectory();
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            deleteQuietly(file);
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /**
     * Keeps the two newest snapshots that read back correctly and every segment with an entry above the older of
     * them; deletes older snapshots and segments. A segment's last entry is the one before the next segment's
     * first, so a segment that went on after a snapshot (a crash before its successor existed) is kept.
     */
    private void prune() throws IOException {
        List<Long> verified = new ArrayList<>();
        for (Path file : list(SNAPSHOT, Comparator.reverseOrder())) {
            try {
                verified.add(readSnapshot(file).sequence());
            } catch (IOException | RuntimeException unreadable) {
                // not a way back: does not count, and is left for recovery to report
            }
            if (verified.size() == SNAPSHOTS_KEPT) {
                break;
            }
        }
        if (verified.size() < SNAPSHOTS_KEPT) {
            return;
        }
        long fallback = verified.get(SNAPSHOTS_KEPT - 1);
        for (Path old : list(SNAPSHOT, Comparator.naturalOrder())) {
            if (sequenceOf(old, SNAPSHOT) < fallback) {
                Files.deleteIfExists(old);
            }
        }
        List<Path> segments = list(SEGMENT, Comparator.naturalOrder());
        for (int i = 0; i + 1 < segments.size(); i++) {
            long lastEntry = firstSequence(segments.get(i + 1)) - 1;
            if (lastEntry <= fallback) {
                Files.deleteIfExists(segments.get(i));
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

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the caller reports the first error
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: a stale temporary file is removed at the next start
        }
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
