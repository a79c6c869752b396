package io.safla.safety;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Outcome of {@link SafetyValidator#validate}.
 *
 * @param verdict SAFE, WARNING or UNSAFE
 * @param safetyScore 1 - overall risk, in [0, 1]; 1 = nothing found
 * @param riskLevel coarse band of the risk, raised to the severity of any blocking finding
 * @param categoryRisks risk per category in [0, 1]; every category is present (zeros included) so a
 *     radar chart has a stable set of axes
 * @param violations all findings of all layers, in layer order
 * @param layers per-layer results
 * @param latencyMicros total validation time
 * @param approved no blocking finding, no hard constraint violated, not UNSAFE, risk within tolerance
 * @param level the level used
 * @param tolerance the risk tolerance applied to this source (may be tightened adaptively)
 */
public record SafetyResult(
        Verdict verdict,
        double safetyScore,
        RiskLevel riskLevel,
        Map<Category, Double> categoryRisks,
        List<Finding> violations,
        List<LayerResult> layers,
        long latencyMicros,
        boolean approved,
        SafetyLevel level,
        double tolerance) {

    public SafetyResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(riskLevel, "riskLevel");
        Objects.requireNonNull(level, "level");
        if (!(safetyScore >= 0 && safetyScore <= 1)) {
            throw new IllegalArgumentException("safetyScore must be in [0, 1]: " + safetyScore);
        }
        if (!(tolerance >= 0 && tolerance <= 1)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1]: " + tolerance);
        }
        EnumMap<Category, Double> risks = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            double r = categoryRisks.getOrDefault(c, 0.0);
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("risk of " + c + " must be in [0, 1]: " + r);
            }
            risks.put(c, r);
        }
        categoryRisks = Collections.unmodifiableMap(risks);
        violations = List.copyOf(violations);
        layers = List.copyOf(layers);
        if (approved && (verdict == Verdict.UNSAFE || violations.stream().anyMatch(Finding::blocking))) {
            throw new IllegalArgumentException("cannot approve an UNSAFE result or one with a blocking finding");
        }
    }

    public double risk() {
        return 1.0 - safetyScore;
    }

    /** Categories with any finding. */
    public Set<Category> flaggedCategories() {
        EnumSet<Category> s = EnumSet.noneOf(Category.class);
        violations.forEach(f -> s.add(f.category()));
        return Collections.unmodifiableSet(s);
    }
}
