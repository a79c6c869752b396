package io.safla.cognition;

import io.safla.memory.persistence.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The versioned JSON file of what the feedback loop has learned ({@link FeedbackLoop.Saved}), so a restart goes on
 * where it stopped: {@code {"format": "safla-learner", "version": 1, "state": …}}, written atomically.
 */
public final class LoopStateCodec {

    public static final String FORMAT = "safla-learner";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .build();

    private LoopStateCodec() {}

    public static byte[] encode(FeedbackLoop.Saved saved) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION);
        root.set("state", JSON.valueToTree(saved));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot encode the learner state", e);
        }
    }

    /**
     * @param shape a state of the loop it will be loaded into: the bandit's shape must match
     * @throws IllegalArgumentException naming what is wrong
     */
    public static FeedbackLoop.Saved decode(byte[] bytes, FeedbackLoop.Saved shape) {
        FeedbackLoop.Saved saved;
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !FORMAT.equals(root.path("format").asString())) {
                throw new IllegalArgumentException("not a learner state file (format is not " + FORMAT + ")");
            }
            int version = root.path("version").asInt(-1);
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        "unsupported learner state version " + version + "; this build reads version " + VERSION);
            }
            JsonNode state = root.get("state");
            if (state == null || state.isNull()) {
                throw new IllegalArgumentException("learner state file has no state section");
            }
            saved = JSON.treeToValue(state, FeedbackLoop.Saved.class);
        } catch (JacksonException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException("invalid learner state: " + cause.getMessage(), e);
        }
        checkShape(saved, shape);
        return saved;
    }

    public static void write(Path file, FeedbackLoop.Saved saved) {
        AtomicFiles.write(file, encode(saved));
    }

    public static FeedbackLoop.Saved read(Path file, FeedbackLoop.Saved shape) throws IOException {
        return decode(Files.readAllBytes(file), shape);
    }

    private static void checkShape(FeedbackLoop.Saved saved, FeedbackLoop.Saved shape) {
        LinUcbBandit.State got = saved.learner().bandit();
        LinUcbBandit.State want = shape.learner().bandit();
        int arms = want.a().length;
        int dimension = want.b()[0].length;
        boolean fits = got.a().length == arms
                && got.b().length == arms
                && got.pulls().length == arms
                && got.rewardSums().length == arms;
        for (int arm = 0; fits && arm < arms; arm++) {
            fits = got.b()[arm].length == dimension && got.a()[arm].length == dimension;
            for (int i = 0; fits && i < dimension; i++) {
                fits = got.a()[arm][i].length == dimension;
            }
        }
        if (!fits) {
            throw new IllegalArgumentException("the learner state was saved by a bandit of another shape (this one has "
                    + arms + " strategies and " + dimension + " query features)");
        }
        double w = saved.learner().hybridWeight();
        double t = saved.learner().threshold();
        if (!(w >= 0 && w <= 1) || !(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("hybrid weight and threshold must be in [0, 1], got " + w + " and " + t);
        }
    }
}
