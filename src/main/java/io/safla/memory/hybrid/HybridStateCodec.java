package io.safla.memory.hybrid;

import io.safla.memory.persistence.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The versioned JSON encoding of a {@link HybridState} and its crash-safe file.
 *
 * <p>Format: {@code {"format": "safla-hybrid", "version": 1, "episodic": …, "semantic": …, "working": …,
 * "consolidator": …}} with ISO-8601 instants and durations, so the file is readable by hand. Decoding rebuilds
 * the records through their validating constructors, and {@link HybridMemory#restore} checks the cross-record
 * invariants, so a hand-edited file that breaks a rule is rejected with the rule's message.
 *
 * <p>Writes go to a temporary file in the same directory, are forced to disk, then renamed over the old file with
 * ATOMIC_MOVE: a crash leaves the old state or the new one, never a mix.
 */
public final class HybridStateCodec {

    public static final String FORMAT = "safla-hybrid";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .build();

    private HybridStateCodec() {}

    public static byte[] encode(HybridState state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION);
        root.set("episodic", JSON.valueToTree(state.episodic()));
        root.set("semantic", JSON.valueToTree(state.semantic()));
        root.set("working", JSON.valueToTree(state.working()));
        root.set("consolidator", JSON.valueToTree(state.consolidator()));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot encode the hybrid memory", e);
        }
    }

    /** @throws IllegalArgumentException naming what is wrong, when the bytes are not a version 1 hybrid state */
    public static HybridState decode(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !FORMAT.equals(root.path("format").asString())) {
                throw new IllegalArgumentException("not a hybrid memory file (format is not " + FORMAT + ")");
            }
            int version = root.path("version").asInt(-1);
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        "unsupported hybrid memory version " + version + "; this build" + " reads version " + VERSION);
            }
            return new HybridState(
                    JSON.treeToValue(required(root, "episodic"), io.safla.memory.episodic.EpisodicState.class),
                    JSON.treeToValue(required(root, "semantic"), io.safla.memory.semantic.SemanticState.class),
                    JSON.treeToValue(required(root, "working"), io.safla.memory.working.WorkingState.class),
                    JSON.treeToValue(
                            required(root, "consolidator"), io.safla.memory.consolidation.ConsolidatorState.class));
        } catch (JacksonException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IllegalArgumentException("invalid hybrid memory: " + root.getMessage(), e);
        }
    }

    /** Writes the state atomically (see the class comment). */
    public static void write(Path file, HybridState state) {
        AtomicFiles.write(file, encode(state));
    }

    /** Reads a state written by {@link #write}. */
    public static HybridState read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("hybrid memory file has no " + field + " section");
        }
        return node;
    }
}
