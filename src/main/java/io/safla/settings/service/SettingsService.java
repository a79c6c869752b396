package io.safla.settings.service;

import io.safla.checkpoint.service.CheckpointService;
import io.safla.config.MemoryProperties;
import io.safla.config.PerformanceProperties;
import io.safla.config.SafetyProperties;
import io.safla.embedding.EmbedderFactory;
import io.safla.embedding.service.ActiveEmbedder;
import io.safla.memory.hybrid.ConsolidationSettings;
import io.safla.memory.service.ConsolidationService;
import io.safla.memory.service.MemoryService;
import io.safla.safety.SafetyLevel;
import io.safla.safety.service.SafetyService;
import io.safla.settings.EngineSettings;
import io.safla.settings.SettingsChange;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Engine-wide settings at run time: validation, an impact preview measured on this machine, a checkpoint before
 * every change, application (re-embedding with progress when the dimension changes), history, export and import.
 */
@Service
public class SettingsService {

    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);
    private static final List<String> SAMPLE = List.of(
            "Transformers use self-attention.",
            "Reinforcement learning maximises reward.",
            "Embeddings map text to vectors.",
            "Gradient descent minimises a loss.",
            "Dropout reduces overfitting.",
            "A cache trades memory for time.",
            "Checkpoints allow rollback.",
            "Attention weights sum to one.");

    private final MemoryService memory;
    private final SafetyService safety;
    private final CheckpointService checkpoints;
    private final ConsolidationService consolidation;
    private final Validator validator;
    private final ObjectMapper json;
    private final Clock clock;
    private final EngineSettings startup;
    private final List<SettingsChange> history = new ArrayList<>();
    private volatile EngineSettings current;

    private final ActiveEmbedder embedders;

    SettingsService(
            MemoryService memory,
            ActiveEmbedder embedders,
            SafetyService safety,
            CheckpointService checkpoints,
            ConsolidationService consolidation,
            Validator validator,
            ObjectMapper json,
            Clock clock,
            MemoryProperties memorySettings,
            SafetyProperties safetySettings,
            PerformanceProperties performance) {
        this.memory = memory;
        this.embedders = embedders;
        this.safety = safety;
        this.checkpoints = checkpoints;
        this.consolidation = consolidation;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.startup = new EngineSettings(
                String.valueOf(memorySettings.vector().dimensions()),
                memorySettings.vector().maxSize(),
                0.0,
                safetySettings.riskTolerance().name(),
                performance.cacheSize(),
                performance.cacheTimeoutSeconds(),
                Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())),
                performance.batchSize(),
                consolidation.settings().episodicRetentionDays(),
                consolidation.settings().importanceThreshold(),
                consolidation.settings().intervalMinutes());
        this.current = startup;
    }

    public EngineSettings current() {
        return current;
    }

    public EngineSettings startup() {
        return startup;
    }

    public synchronized List<SettingsChange> history() {
        return List.copyOf(history);
    }

    /** Field name to message for every invalid value; empty when valid. */
    public Map<String, String> validate(EngineSettings settings) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<EngineSettings> v : validator.validate(settings)) {
            errors.put(v.getPropertyPath().toString(), v.getMessage());
        }
        return errors;
    }

    /**
     * @param lines what applying would do, in plain words, with measured estimates
     * @param changes setting name to "before → after"
     * @param reembeds whether every memory must be embedded again
     */
    public record Impact(List<String> lines, Map<String, String> changes, boolean reembeds) {

        public boolean none() {
            return changes.isEmpty();
        }
    }

    public Impact preview(EngineSettings next) {
        Map<String, String> changes = diff(current, next);
        List<String> lines = new ArrayList<>();
        boolean reembeds = !next.dimension().equals(current.dimension());
        int items = memory.ready() ? memory.size() : 0;
        if (reembeds) {
            EmbedderFactory.Selection target = embedders.select(next.dimensionValue(), 0);
            double perSecond = measureEmbeddingsPerSecond(target);
            lines.add(String.format(
                    "Re-embeds %,d memories with %s, about %.1f s (measured now: %.0f texts/s)",
                    items, target.embedder().name(), items / perSecond, perSecond));
        }
        if (next.capacity() < items) {
            lines.add(String.format(
                    "Capacity %,d is below the %,d stored memories: the %,d least recently used are" + " removed",
                    next.capacity(), items, items - next.capacity()));
        } else if (next.capacity() != current.capacity()) {
            lines.add(String.format("Rebuilds the vector store for %,d memories (no re-embedding)", next.capacity()));
        }
        if (next.cacheSize() != current.cacheSize() || next.cacheTtlSeconds() != current.cacheTtlSeconds()) {
            lines.add("Empties the search cache and keeps up to " + next.cacheSize() + " results for "
                    + next.cacheTtlSeconds() + " s");
        }
        if (next.batchSize() != current.batchSize()) {
            lines.add("Bulk imports and re-embeddings send " + next.batchSize() + " texts per embedder call (was "
                    + current.batchSize() + ")");
        }
        if (!next.safetyLevel().equals(current.safetyLevel())) {
            lines.add("Validation defaults to " + next.safetyLevel().toLowerCase() + " for every visitor");
        }
        if (next.episodicRetentionDays() < current.episodicRetentionDays()) {
            lines.add("Episodes older than " + next.episodicRetentionDays() + " days are dropped at the next"
                    + " consolidation");
        }
        if (next.importanceThreshold() != current.importanceThreshold()) {
            lines.add("Consolidation clusters episodes at least " + next.importanceThreshold() + " important");
        }
        if (next.consolidationIntervalMinutes() != current.consolidationIntervalMinutes()) {
            lines.add(
                    next.consolidationIntervalMinutes() == 0
                            ? "Turns scheduled consolidation off"
                            : "Consolidates every " + next.consolidationIntervalMinutes() + " minutes, from now");
        }
        if (!changes.isEmpty()) {
            lines.add("A checkpoint is taken first, so the change can be rolled back from the Safety tab");
        }
        return new Impact(lines, changes, reembeds);
    }

    /** Applies a validated change: checkpoint first, then each setting; returns the changes recorded. */
    public synchronized List<SettingsChange> apply(EngineSettings next, String by, IntConsumer reembedProgress) {
        Map<String, String> errors = validate(next);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid settings: " + errors);
        }
        Map<String, String> changes = diff(current, next);
        if (changes.isEmpty()) {
            return List.of();
        }
        memory.requireLoaded();
        checkpoints.create("before a settings change (" + String.join(", ", changes.keySet()) + ")");
        memory.apply(
                new MemoryService.Tuning(
                        next.capacity(),
                        next.cacheSize(),
                        Duration.ofSeconds(next.cacheTtlSeconds()),
                        next.searchThreads(),
                        next.batchSize(),
                        next.dimensionValue()),
                reembedProgress);
        safety.setDefaultLevel(SafetyLevel.valueOf(next.safetyLevel()));
        consolidation.configure(new ConsolidationSettings(
                next.episodicRetentionDays(), next.importanceThreshold(), next.consolidationIntervalMinutes()));
        List<SettingsChange> recorded = new ArrayList<>();
        changes.forEach((name, change) -> {
            String[] parts = change.split(" → ");
            recorded.add(new SettingsChange(clock.instant(), name, parts[0], parts[1], by));
        });
        history.addAll(recorded);
        current = next;
        log.info("Settings changed by {}: {}", by, changes);
        return recorded;
    }

    public String export() {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(current);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses an exported file; throws with a clear message when it is not a valid settings file. */
    public EngineSettings parse(byte[] file) {
        EngineSettings parsed;
        try {
            // a file exported before a setting existed lacks it: that setting keeps its current value
            ObjectNode merged = json.valueToTree(current);
            if (!(json.readTree(file) instanceof ObjectNode given)) {
                throw new IllegalArgumentException("not a settings file: expected a JSON object");
            }
            merged.setAll(given);
            parsed = json.treeToValue(merged, EngineSettings.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a settings file: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        Map<String, String> errors = validate(parsed);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid settings: " + errors);
        }
        return parsed;
    }

    static Map<String, String> diff(EngineSettings a, EngineSettings b) {
        Map<String, String> changes = new LinkedHashMap<>();
        put(changes, "dimension", a.dimension(), b.dimension());
        put(changes, "capacity", a.capacity(), b.capacity());
        put(changes, "defaultThreshold", a.defaultThreshold(), b.defaultThreshold());
        put(changes, "safetyLevel", a.safetyLevel(), b.safetyLevel());
        put(changes, "cacheSize", a.cacheSize(), b.cacheSize());
        put(changes, "cacheTtlSeconds", a.cacheTtlSeconds(), b.cacheTtlSeconds());
        put(changes, "searchThreads", a.searchThreads(), b.searchThreads());
        put(changes, "batchSize", a.batchSize(), b.batchSize());
        put(changes, "episodicRetentionDays", a.episodicRetentionDays(), b.episodicRetentionDays());
        put(changes, "importanceThreshold", a.importanceThreshold(), b.importanceThreshold());
        put(
                changes,
                "consolidationIntervalMinutes",
                a.consolidationIntervalMinutes(),
                b.consolidationIntervalMinutes());
        return changes;
    }

    private static void put(Map<String, String> changes, String name, Object before, Object after) {
        if (!before.equals(after)) {
            changes.put(name, before + " → " + after);
        }
    }

    private static double measureEmbeddingsPerSecond(EmbedderFactory.Selection selection) {
        selection.embedder().embedAll(SAMPLE.subList(0, 2));
        long start = System.nanoTime();
        selection.embedder().embedAll(SAMPLE);
        double seconds = Math.max(1e-6, (System.nanoTime() - start) / 1e9);
        return SAMPLE.size() / seconds;
    }

    static Set<String> names() {
        return Set.of(
                "dimension",
                "capacity",
                "defaultThreshold",
                "safetyLevel",
                "cacheSize",
                "cacheTtlSeconds",
                "searchThreads",
                "batchSize",
                "episodicRetentionDays",
                "importanceThreshold",
                "consolidationIntervalMinutes");
    }
}
