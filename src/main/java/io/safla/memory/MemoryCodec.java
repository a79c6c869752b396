package io.safla.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine's on-disk and export encodings, all JSON. Log entries and snapshots carry the vectors (little-endian
 * float32 in base64) so a restart need not re-embed; exports carry only what a person or another system needs
 * (texts and metadata), since vectors can always be recomputed from text.
 */
final class MemoryCodec {

    static final String SNAPSHOT_FORMAT = "safla-memory-snapshot";
    static final String EXPORT_FORMAT = "safla-memory-export";
    static final int VERSION = 1;

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private MemoryCodec() {}

    record Stored(MemoryItem item, float[] vector) {}

    static byte[] encodePut(MemoryItem item, float[] vector) {
        ObjectNode node = storedNode(item);
        node.put("vector", vectorToBase64(vector));
        return bytes(node);
    }

    static Stored decodePut(byte[] payload) {
        JsonNode node = read(payload);
        return new Stored(itemFrom(node), vectorFromBase64(node.path("vector").asString()));
    }

    static byte[] encodeDelete(String id) {
        return bytes(JSON.createObjectNode().put("id", id));
    }

    static String decodeDelete(byte[] payload) {
        return read(payload).path("id").asString();
    }

    static byte[] encodeSnapshot(String embedder, int dimension, List<Stored> items) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", SNAPSHOT_FORMAT)
                .put("version", VERSION)
                .put("embedder", embedder)
                .put("dimension", dimension);
        ArrayNode array = root.putArray("items");
        for (Stored s : items) {
            ObjectNode node = storedNode(s.item());
            node.put("vector", vectorToBase64(s.vector()));
            array.add(node);
        }
        return bytes(root);
    }

    record SnapshotState(String embedder, int dimension, List<Stored> items) {}

    static SnapshotState decodeSnapshot(byte[] state) {
        JsonNode root = read(state);
        if (!SNAPSHOT_FORMAT.equals(root.path("format").asString())
                || root.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("not a version " + VERSION + " memory snapshot");
        }
        List<Stored> items = new ArrayList<>();
        for (JsonNode node : root.path("items")) {
            items.add(new Stored(
                    itemFrom(node), vectorFromBase64(node.path("vector").asString())));
        }
        return new SnapshotState(
                root.path("embedder").asString(), root.path("dimension").asInt(), items);
    }

    static byte[] encodeExport(List<MemoryItem> items, Instant exportedAt) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", EXPORT_FORMAT)
                .put("version", VERSION)
                .put("exportedAt", exportedAt.toString())
                .put("count", items.size());
        ArrayNode array = root.putArray("items");
        items.forEach(i -> array.add(itemNode(i)));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses an export; every problem is collected, none is applied. */
    static List<NewMemory> decodeImport(byte[] json, int maxTextLength, List<String> problems) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            problems.add("not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return List.of();
        }
        JsonNode items = root == null ? null : root.isArray() ? root : root.get("items");
        if (items == null || !items.isArray()) {
            problems.add("expected an export object with an \"items\" array, or an array of items");
            return List.of();
        }
        List<NewMemory> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        int index = 0;
        for (JsonNode node : items) {
            String where = "items[" + index++ + "]";
            String text = node.path("text").asText("");
            try {
                MemoryType type = node.hasNonNull("type")
                        ? MemoryType.parse(node.get("type").asString())
                        : MemoryType.VECTOR;
                double importance =
                        node.has("importance") ? node.get("importance").asDouble(Double.NaN) : 0.5;
                if (!(importance >= 0 && importance <= 1)) {
                    throw new IllegalArgumentException("importance must be in [0, 1]");
                }
                String id = node.hasNonNull("id") ? node.get("id").asString() : null;
                if (id != null && (id.isBlank() || id.length() > 128 || !ids.add(id))) {
                    throw new IllegalArgumentException("id must be unique and 1-128 characters");
                }
                Instant createdAt = node.hasNonNull("createdAt")
                        ? Instant.parse(node.get("createdAt").asString())
                        : null;
                MemoryEngine.validateTime(createdAt);
                Set<String> tags = new LinkedHashSet<>();
                node.path("tags").forEach(t -> tags.add(t.asString()));
                Map<String, String> metadata = new LinkedHashMap<>();
                node.path("metadata")
                        .properties()
                        .forEach(f -> metadata.put(f.getKey(), f.getValue().asString()));
                NewMemory memory = new NewMemory(id, text, type, tags, importance, createdAt, metadata);
                List<MemoryRules.Problem> broken = MemoryRules.check(memory);
                if (text.length() > maxTextLength && broken.isEmpty()) {
                    broken = List.of(
                            new MemoryRules.Problem("text", "must be at most " + maxTextLength + " characters"));
                }
                if (broken.isEmpty()) {
                    out.add(memory);
                } else {
                    broken.forEach(p -> problems.add(where + "." + p));
                }
            } catch (RuntimeException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * The log's and snapshot's item: the export's fields plus the owner, written only for a visitor's item, so an
     * operator's item encodes (and checksums) exactly as before ownership was recorded, and a missing field reads as
     * the operator's.
     */
    private static ObjectNode storedNode(MemoryItem item) {
        ObjectNode node = itemNode(item);
        if (item.origin() == Origin.VISITOR) {
            node.put("origin", item.origin().label());
        }
        return node;
    }

    private static ObjectNode itemNode(MemoryItem item) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", item.id())
                .put("text", item.text())
                .put("type", item.type().label())
                .put("importance", item.importance())
                .put("createdAt", item.createdAt().toString());
        ArrayNode tags = node.putArray("tags");
        item.tags().forEach(tags::add);
        ObjectNode metadata = node.putObject("metadata");
        item.metadata().forEach(metadata::put);
        return node;
    }

    private static MemoryItem itemFrom(JsonNode node) {
        Set<String> tags = new LinkedHashSet<>();
        node.path("tags").forEach(t -> tags.add(t.asString()));
        Map<String, String> metadata = new LinkedHashMap<>();
        node.path("metadata")
                .properties()
                .forEach(f -> metadata.put(f.getKey(), f.getValue().asString()));
        return new MemoryItem(
                node.path("id").asString(),
                node.path("text").asString(),
                MemoryType.parse(node.path("type").asText("vector")),
                tags,
                node.path("importance").asDouble(),
                Instant.parse(node.path("createdAt").asString()),
                metadata,
                Origin.parse(node.path("origin").asText("")));
    }

    static String vectorToBase64(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    static float[] vectorFromBase64(String text) {
        ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[buffer.remaining() / 4];
        buffer.asFloatBuffer().get(vector);
        return vector;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new UncheckedIOException(new IOException(e.getOriginalMessage(), e));
        }
    }

    /** RFC 4180 CSV of the items: id, type, text, tags (";"-joined), importance, createdAt. */
    static String csv(List<MemoryItem> items) {
        StringBuilder out = new StringBuilder("id,type,text,tags,importance,created_at\r\n");
        for (MemoryItem i : items) {
            out.append(field(i.id()))
                    .append(',')
                    .append(i.type().label())
                    .append(',')
                    .append(field(i.text()))
                    .append(',')
                    .append(field(String.join(";", i.tags())))
                    .append(',')
                    .append(i.importance())
                    .append(',')
                    .append(i.createdAt())
                    .append("\r\n");
        }
        return out.toString();
    }

    static String field(String value) {
        // a leading =, +, - or @ would be run as a formula by spreadsheet programs, and so would one behind a leading
        // tab or carriage return (OWASP's CSV-injection list)
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
