package io.safla.web;

import io.safla.safety.Finding;
import io.safla.safety.LayerResult;
import io.safla.safety.SafetyLevel;
import io.safla.safety.SafetyResult;
import io.safla.safety.service.SafetyService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The safety API under {@code /api/safety}; documented in docs/api_reference.md. */
@RestController
@RequestMapping("/api/safety")
class SafetyController {

    static final int MAX_TEXT = 10_000;

    private final SafetyService safety;

    SafetyController(SafetyService safety) {
        this.safety = safety;
    }

    record ValidateRequest(
            @NotBlank(message = "must not be blank")
            @Size(max = MAX_TEXT, message = "must be at most " + MAX_TEXT + " characters")
            String text,

            @Nullable
            @Pattern(regexp = "(?i)strict|moderate|permissive", message = "must be one of strict, moderate, permissive")
            String level,

            // an empty selection would run no layer and approve anything: leave the field out for all layers
            @Nullable @Size(min = 1, max = 10, message = "between 1 and 10 layers; leave it out for all layers")
            List<@NotBlank String> layers,

            @Nullable @Size(max = 20, message = "at most 20 earlier messages")
            List<
                            @NotNull(message = "must not be null")
                            @Size(max = MAX_TEXT, message = "each earlier message at most " + MAX_TEXT + " characters")
                            String>
                    context,

            @Nullable Boolean mask) {}

    record Span(int start, int end) {}

    record Violation(
            String layer, String rule, String category, String severity, String message, Span span, boolean blocking) {}

    record Layer(String name, boolean passed, double score, long latencyMicros, int findings) {}

    record ValidateAnswer(
            String verdict,
            double safetyScore,
            String riskLevel,
            boolean approved,
            String level,
            Map<String, Double> categories,
            List<Violation> violations,
            List<Layer> layers,
            long latencyMicros,
            @Nullable String sanitized) {}

    @PostMapping("/validate")
    ValidateAnswer validate(@Valid @RequestBody ValidateRequest body, HttpServletRequest request) {
        SafetyLevel level =
                body.level() == null ? null : SafetyLevel.valueOf(body.level().toUpperCase(Locale.ROOT));
        Set<String> layers = body.layers() == null ? null : Set.copyOf(body.layers());
        SafetyResult result = safety.validate(
                body.text(),
                level,
                layers,
                body.context() == null ? List.of() : body.context(),
                "api:" + request.getRemoteAddr());
        String sanitized = Boolean.TRUE.equals(body.mask())
                ? safety.mask(body.text(), level).text()
                : null;
        return answer(result, sanitized);
    }

    static ValidateAnswer answer(SafetyResult r, @Nullable String sanitized) {
        Map<String, Double> categories = new LinkedHashMap<>();
        r.categoryRisks().forEach((c, v) -> categories.put(c.name().toLowerCase(Locale.ROOT), round(v)));
        List<Violation> violations =
                r.violations().stream().map(SafetyController::violation).toList();
        List<Layer> layers = r.layers().stream().map(SafetyController::layer).toList();
        return new ValidateAnswer(
                r.verdict().name(),
                round(r.safetyScore()),
                r.riskLevel().name(),
                r.approved(),
                r.level().name(),
                categories,
                violations,
                layers,
                r.latencyMicros(),
                sanitized);
    }

    private static Violation violation(Finding f) {
        return new Violation(
                f.layer(),
                f.ruleId(),
                f.category().name().toLowerCase(Locale.ROOT),
                f.severity().name(),
                f.message(),
                new Span(f.start(), f.end()),
                f.blocking());
    }

    private static Layer layer(LayerResult l) {
        return new Layer(
                l.name(),
                l.passed(),
                round(l.score()),
                l.latencyMicros(),
                l.findings().size());
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
