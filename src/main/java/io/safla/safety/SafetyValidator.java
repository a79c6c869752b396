package io.safla.safety;

import io.safla.embedding.Embedder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs the safety layers on a text and turns their findings into a verdict, a score, per-category
 * risks and an approval decision.
 *
 * <p>Implementation notes: risk is a noisy-OR of finding weights (severity x confidence), per
 * category and overall, so adding a finding never lowers risk. Verdict: UNSAFE on any blocking
 * finding or risk at or above the level's unsafe threshold; WARNING at or above the warn threshold;
 * otherwise SAFE. Stricter levels run a superset of rules and have lower thresholds, so a text
 * flagged at PERMISSIVE is flagged at MODERATE and STRICT. Approval additionally requires the risk to
 * be within the source's tolerance, which {@link AdaptiveBoundaries} may lower after repeated
 * violations.
 */
public final class SafetyValidator {

    private final Map<String, SafetyLayer> layers;
    private final AdaptiveBoundaries boundaries;

    public SafetyValidator(List<SafetyLayer> layers, AdaptiveBoundaries boundaries) {
        Map<String, SafetyLayer> m = new LinkedHashMap<>();
        for (SafetyLayer l : layers) {
            if (m.put(l.name(), l) != null) {
                throw new IllegalArgumentException("duplicate layer name " + l.name());
            }
        }
        if (m.isEmpty()) {
            throw new IllegalArgumentException("no layers");
        }
        this.layers = Collections.unmodifiableMap(m);
        this.boundaries = Objects.requireNonNull(boundaries, "boundaries");
    }

    /**
     * The standard stack: content, prompt, privacy, behaviour, the semantic layer when an embedder
     * is given, and the default constraints.
     */
    public static SafetyValidator standard(
            Clock clock, @Nullable Embedder embedder, SemanticLayer.@Nullable Thresholds semanticThresholds) {
        return new SafetyValidator(
                standardLayers(embedder, semanticThresholds),
                new AdaptiveBoundaries(clock, AdaptiveBoundaries.Policy.defaults()));
    }

    /** The layers of {@link #standard}, for callers that want their own boundaries. */
    public static List<SafetyLayer> standardLayers(
            @Nullable Embedder embedder, SemanticLayer.@Nullable Thresholds semanticThresholds) {
        ContentSafetyLayer content = new ContentSafetyLayer();
        PromptInjectionLayer prompt = new PromptInjectionLayer();
        List<SafetyLayer> out = new ArrayList<>(
                List.of(content, prompt, new PrivacyLayer(), new BehaviourLayer(List.of(content, prompt))));
        if (embedder != null) {
            out.add(new SemanticLayer(
                    embedder,
                    DefaultExemplars.ALL,
                    semanticThresholds != null ? semanticThresholds : DefaultExemplars.MINILM_THRESHOLDS));
        }
        out.add(ConstraintLayer.defaults());
        return List.copyOf(out);
    }

    /** Names of the configured layers, in evaluation order. */
    public Set<String> layerNames() {
        return layers.keySet();
    }

    public AdaptiveBoundaries boundaries() {
        return boundaries;
    }

    /** Validates at {@link SafetyLevel#DEFAULT} with every layer. */
    public SafetyResult validate(String text) {
        return validate(SafetyInput.of(text, SafetyLevel.DEFAULT), null);
    }

    /** Validates with every layer. */
    public SafetyResult validate(String text, SafetyLevel level) {
        return validate(SafetyInput.of(text, level), null);
    }

    /**
     * Validates with the named layers (all if null) and earlier conversation messages (none if null).
     */
    public SafetyResult validate(
            String text, SafetyLevel level, @Nullable Set<String> layerNames, @Nullable List<String> context) {
        return validate(SafetyInput.of(text, level, context == null ? List.of() : context), layerNames);
    }

    /**
     * Full form. UNSAFE outcomes are recorded against the input's source for adaptive boundaries;
     * the anonymous source is not tracked, since unrelated callers would share one tolerance.
     */
    public SafetyResult validate(SafetyInput input, @Nullable Set<String> layerNames) {
        long t0 = System.nanoTime();
        List<SafetyLayer> selected = select(layerNames);
        List<LayerResult> results = new ArrayList<>(selected.size());
        List<Finding> findings = new ArrayList<>();
        for (SafetyLayer layer : selected) {
            LayerResult r = layer.evaluate(input);
            results.add(r);
            findings.addAll(r.findings());
        }
        SafetyLevel level = input.level();
        double risk = Scoring.noisyOr(findings);
        boolean blocking = findings.stream().anyMatch(Finding::blocking);
        Verdict verdict = blocking || risk >= unsafeThreshold(level)
                ? Verdict.UNSAFE
                : risk >= warnThreshold(level) ? Verdict.WARNING : Verdict.SAFE;
        RiskLevel band = RiskLevel.ofRisk(risk);
        for (Finding f : findings) {
            if (f.blocking()) {
                band = band.max(RiskLevel.of(f.severity()));
            }
        }
        boolean anonymous = SafetyInput.ANONYMOUS.equals(input.source());
        double tolerance = anonymous ? boundaries.policy().tolerance() : boundaries.tolerance(input.source());
        boolean approved = verdict != Verdict.UNSAFE && !blocking && risk <= tolerance;
        if (!anonymous) {
            boundaries.record(input.source(), verdict == Verdict.UNSAFE);
        }
        return new SafetyResult(
                verdict,
                1.0 - risk,
                band,
                categoryRisks(findings),
                findings,
                results,
                RuleEngine.micros(t0),
                approved,
                level,
                tolerance);
    }

    /** Risk at or above which a text is at least WARNING. */
    public static double warnThreshold(SafetyLevel level) {
        return level.pick(0.05, 0.30, 0.50);
    }

    /** Risk at or above which a text is UNSAFE even without a blocking finding. */
    public static double unsafeThreshold(SafetyLevel level) {
        return level.pick(0.60, 0.75, 0.90);
    }

    private List<SafetyLayer> select(@Nullable Set<String> names) {
        if (names == null) {
            return List.copyOf(layers.values());
        }
        for (String n : names) {
            if (!layers.containsKey(n)) {
                throw new IllegalArgumentException("unknown layer " + n + "; known: " + layers.keySet());
            }
        }
        return layers.values().stream().filter(l -> names.contains(l.name())).toList();
    }

    private static Map<Category, Double> categoryRisks(List<Finding> findings) {
        Map<Category, List<Finding>> by = new EnumMap<>(Category.class);
        for (Finding f : findings) {
            by.computeIfAbsent(f.category(), c -> new ArrayList<>()).add(f);
        }
        Map<Category, Double> out = new EnumMap<>(Category.class);
        by.forEach((c, fs) -> out.put(c, Scoring.noisyOr(fs)));
        return out;
    }
}
