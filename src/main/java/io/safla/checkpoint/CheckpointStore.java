package io.safla.checkpoint;

import io.safla.memory.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checkpoints as gzipped JSON files in one directory, in two pools: the operator's and the system's (at most
 * {@code maxCheckpoints}) and those taken on behalf of visitors (at most {@code maxVisitorCheckpoints}); each pool
 * drops its own oldest, so visitor traffic never pushes out a checkpoint that restores the operator's state.
 * Each is written to a temporary file and atomically renamed, so a crash leaves either the whole checkpoint or none.
 * An index of the metadata is read once at start, so listing never reads the states. Thread-safe.
 */
public final class CheckpointStore {

    static final String FORMAT = "safla-checkpoint";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final int maxCheckpoints;
    private final int maxVisitorCheckpoints;
    private final Clock clock;
    private final TreeMap<String, CheckpointInfo> index = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private long counter;

    public CheckpointStore(Path directory, int maxCheckpoints, Clock clock) throws IOException {
        this(directory, maxCheckpoints, maxCheckpoints, clock);
    }

    public CheckpointStore(Path directory, int maxCheckpoints, int maxVisitorCheckpoints, Clock clock)
            throws IOException {
        if (maxCheckpoints < 1 || maxVisitorCheckpoints < 1) {
            throw new IllegalArgumentException("maxCheckpoints must be positive");
        }
        this.directory = Files.createDirectories(directory);
        this.maxCheckpoints = maxCheckpoints;
        this.maxVisitorCheckpoints = maxVisitorCheckpoints;
        this.clock = clock;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json.gz"))
                    .toList()) {
                try {
                    CheckpointInfo info = info(read(file), Files.size(file));
                    index.put(info.id(), info);
                } catch (IOException | RuntimeException e) {
                    problems.add("unreadable checkpoint " + file.getFileName() + ": " + e.getMessage());
                }
            }
        }
    }

    /** Files that could not be read at start (they are left alone, not deleted). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public CheckpointInfo save(
            String reason, int items, String checksum, Map<String, String> settings, byte[] memoryState) {
        return save(reason, items, checksum, settings, memoryState, null);
    }

    /** An operator's or the system's checkpoint; see {@link #save(String, int, String, Map, byte[], byte[], Origin)}. */
    public CheckpointInfo save(
            String reason,
            int items,
            String checksum,
            Map<String, String> settings,
            byte[] memoryState,
            byte @Nullable [] hybridState) {
        return save(reason, items, checksum, settings, memoryState, hybridState, Origin.OPERATOR);
    }

    /**
     * As {@link #save(String, int, String, Map, byte[])}, plus the hybrid memory's state when there is one. The
     * field is optional within version 1, so older checkpoints still load (without it). {@code origin} chooses the
     * pool; the field is written only for a visitor's, and a file without it is the operator's.
     */
    public synchronized CheckpointInfo save(
            String reason,
            int items,
            String checksum,
            Map<String, String> settings,
            byte[] memoryState,
            byte @Nullable [] hybridState,
            Origin origin) {
        Instant now = clock.instant();
        String id;
        do {
            id = String.format("cp-%013d-%04d", now.toEpochMilli(), ++counter % 10_000);
        } while (index.containsKey(id));
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT)
                .put("version", VERSION)
                .put("id", id)
                .put("reason", reason)
                .put("createdAt", now.toString())
                .put("items", items)
                .put("checksum", checksum);
        if (origin == Origin.VISITOR) {
            root.put("origin", origin.label());
        }
        ObjectNode s = root.putObject("settings");
        new TreeMap<>(settings).forEach(s::put);
        root.put("memoryState", Base64.getEncoder().encodeToString(memoryState));
        if (hybridState != null) {
            root.put("hybridState", Base64.getEncoder().encodeToString(hybridState));
        }
        Path target = directory.resolve(id + ".json.gz");
        Path temporary = directory.resolve(id + ".json.gz.tmp");
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temporary))) {
                JSON.writeValue(out, root);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
            CheckpointInfo info = new CheckpointInfo(id, reason, now, items, checksum, Files.size(target), origin);
            index.put(id, info);
            prune(origin, origin == Origin.VISITOR ? maxVisitorCheckpoints : maxCheckpoints);
            return info;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write checkpoint " + id, e);
        }
    }

    /** Newest first. */
    public synchronized List<CheckpointInfo> list() {
        List<CheckpointInfo> out = new ArrayList<>(index.values());
        out.sort(Comparator.comparing(CheckpointInfo::id).reversed());
        return out;
    }

    public synchronized Optional<Checkpoint> load(String id) {
        CheckpointInfo info = index.get(id);
        if (info == null) {
            return Optional.empty();
        }
        try {
            JsonNode root = read(directory.resolve(id + ".json.gz"));
            Map<String, String> settings = new LinkedHashMap<>();
            root.path("settings")
                    .properties()
                    .forEach(f -> settings.put(f.getKey(), f.getValue().asString()));
            JsonNode hybrid = root.get("hybridState");
            return Optional.of(new Checkpoint(
                    info,
                    settings,
                    Base64.getDecoder().decode(root.path("memoryState").asString()),
                    hybrid == null ? null : Base64.getDecoder().decode(hybrid.asString())));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read checkpoint " + id, e);
        } catch (JacksonException e) {
            throw new UncheckedIOException(
                    "could not read checkpoint " + id, new IOException(e.getOriginalMessage(), e));
        }
    }

    private void prune(Origin pool, int max) throws IOException {
        List<String> ids = index.values().stream()
                .filter(i -> i.origin() == pool)
                .map(CheckpointInfo::id)
                .toList(); // ascending: the index is sorted by id, and ids sort by creation
        for (int i = 0; i < ids.size() - max; i++) {
            index.remove(ids.get(i));
            Files.deleteIfExists(directory.resolve(ids.get(i) + ".json.gz"));
        }
    }

    private static JsonNode read(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            JsonNode root = JSON.readTree(in);
            if (!FORMAT.equals(root.path("format").asString())
                    || root.path("version").asInt() != VERSION) {
                throw new IOException("not a version " + VERSION + " checkpoint");
            }
            return root;
        }
    }

    private static CheckpointInfo info(JsonNode root, long bytes) {
        return new CheckpointInfo(
                root.path("id").asString(),
                root.path("reason").asString(),
                Instant.parse(root.path("createdAt").asString()),
                root.path("items").asInt(),
                root.path("checksum").asString(),
                bytes,
                Origin.parse(root.path("origin").asText("")));
    }
}
