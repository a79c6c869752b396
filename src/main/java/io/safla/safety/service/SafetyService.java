package io.safla.safety.service;

import io.safla.config.HealthProperties;
import io.safla.config.SafetyProperties;
import io.safla.embedding.EmbedderFactory;
import io.safla.embedding.service.ActiveEmbedder;
import io.safla.monitor.HealthSnapshot;
import io.safla.monitor.service.HealthSampler;
import io.safla.safety.PrivacyLayer;
import io.safla.safety.SafetyInput;
import io.safla.safety.SafetyLevel;
import io.safla.safety.SafetyResult;
import io.safla.safety.SafetyValidator;
import io.safla.safety.SemanticLayer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Validates text with the layered validator. The rule layers are ready at once; the semantic layer joins once the
 * active embedder (loaded by the memory engine) is the MiniLM model (its thresholds were calibrated on that model, so with the
 * hashing embedder it stays off and says so). The constraint layer sees the live system metrics.
 */
@Service
public class SafetyService {

    private static final Logger log = LoggerFactory.getLogger(SafetyService.class);

    private final SafetyProperties properties;
    private final ActiveEmbedder embedders;
    /** Lazy: the sampler reads health, and health includes this service's indicator. */
    private final ObjectProvider<HealthSampler> sampler;

    private final HealthProperties health;
    private final Clock clock;
    private final SafetyValidator rulesOnly;
    private final PrivacyLayer privacy = new PrivacyLayer();
    private final io.safla.safety.ConstraintLayer constraints = io.safla.safety.ConstraintLayer.defaults();
    private final AtomicBoolean semanticRequested = new AtomicBoolean();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "safety-semantic-builder");
        t.setDaemon(true);
        return t;
    });
    private volatile @Nullable SafetyValidator withSemantic;
    private volatile String semanticStatus = "waiting for the embedding model to load";

    SafetyService(
            SafetyProperties properties,
            ActiveEmbedder embedders,
            ObjectProvider<HealthSampler> sampler,
            HealthProperties health,
            Clock clock) {
        this.properties = properties;
        this.embedders = embedders;
        this.sampler = sampler;
        this.health = health;
        this.clock = clock;
        this.rulesOnly = SafetyValidator.standard(clock, null, null);
    }

    private volatile @Nullable SafetyLevel defaultLevel;

    public SafetyLevel defaultLevel() {
        SafetyLevel level = defaultLevel;
        return level != null
                ? level
                : SafetyLevel.valueOf(properties.riskTolerance().name());
    }

    /** A settings change: the level used when a caller names none. */
    public void setDefaultLevel(SafetyLevel level) {
        defaultLevel = level;
    }

    /** Why the semantic layer is or is not part of validation right now. */
    public String semanticStatus() {
        validator();
        return semanticStatus;
    }

    /** Layer names a caller may choose from, in evaluation order. */
    public Set<String> layerNames() {
        return validator().layerNames();
    }

    public SafetyResult validate(
            String text,
            @Nullable SafetyLevel level,
            @Nullable Set<String> layers,
            List<String> context,
            String source) {
        SafetyLevel effective = level == null ? defaultLevel() : level;
        SafetyValidator validator = validator();
        if (layers != null) {
            Set<String> unknown = new java.util.TreeSet<>(layers);
            unknown.removeAll(validator.layerNames());
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException(
                        "unknown layer(s) " + unknown + "; available: " + validator.layerNames());
            }
        }
        Set<String> chosen = layers != null ? layers : textLayers(validator);
        return validator.validate(new SafetyInput(text, effective, context, metrics(), source), chosen);
    }

    /**
     * The layers about the text itself: the default. The constraint layer judges the system's state (CPU, memory,
     * errors), not the text, so it runs when asked for and in the safety gate before risky changes.
     */
    public Set<String> textLayers() {
        return textLayers(validator());
    }

    private static Set<String> textLayers(SafetyValidator validator) {
        Set<String> names = new java.util.LinkedHashSet<>(validator.layerNames());
        names.remove(io.safla.safety.ConstraintLayer.NAME);
        return names;
    }

    /** Every default constraint against the live metrics, for the constraint status table. */
    public List<io.safla.safety.ConstraintEvaluation> constraintStatus() {
        return constraints.check(metrics());
    }

    /** Evaluates only the system constraints against the live metrics: the gate before a risky change. */
    public SafetyResult checkConstraints(String action) {
        SafetyValidator validator = validator();
        return validator.validate(
                new SafetyInput(action, defaultLevel(), List.of(), metrics(), "system"),
                Set.of(io.safla.safety.ConstraintLayer.NAME));
    }

    /** The text with personal data and secrets replaced by placeholders such as {@code [EMAIL]}. */
    public PrivacyLayer.MaskedText mask(String text, @Nullable SafetyLevel level) {
        return privacy.mask(text, level == null ? defaultLevel() : level);
    }

    /** The metrics the constraint layer checks, from the latest health snapshot. Unknown readings are left out. */
    public Map<String, Double> metrics() {
        HealthSnapshot s = sampler.getObject().latest();
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (s.residentBytes() >= 0) {
            metrics.put("memory_used_pct", 100.0 * s.residentBytes() / (health.maxMemoryMb() * 1024.0 * 1024.0));
        }
        if (s.systemCpuLoad() >= 0) {
            metrics.put("cpu_pct", 100.0 * s.systemCpuLoad());
        }
        metrics.put("error_rate", s.requests().errorRate());
        metrics.put("response_time_ms", s.requests().averageMillis());
        return metrics;
    }

    public SafetyValidator validator() {
        SafetyValidator semantic = withSemantic;
        if (semantic != null) {
            return semantic;
        }
        EmbedderFactory.Selection selection = embedders.current();
        if (selection != null && semanticRequested.compareAndSet(false, true)) {
            if (selection.kind() != EmbedderFactory.Kind.MINILM) {
                semanticStatus = "off: the semantic layer's thresholds are calibrated for all-MiniLM-L6-v2, and the"
                        + " engine runs " + selection.embedder().name();
            } else {
                semanticStatus = "loading the attack exemplars";
                builder.submit(() -> {
                    try {
                        withSemantic =
                                SafetyValidator.standard(clock, selection.embedder(), (SemanticLayer.Thresholds) null);
                        semanticStatus = "on: nearest-neighbour vote over labelled exemplars with "
                                + selection.embedder().name();
                    } catch (RuntimeException e) {
                        semanticStatus = "off: the semantic layer failed to start (" + e.getMessage() + ")";
                        log.warn("semantic safety layer unavailable", e);
                    }
                });
            }
        }
        return rulesOnly;
    }
}
