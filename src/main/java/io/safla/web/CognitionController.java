package io.safla.web;

import io.safla.cognition.CycleRecord;
import io.safla.cognition.SelfAwareness;
import io.safla.cognition.service.FeedbackLoopService;
import io.safla.cognition.service.UnknownItemException;
import io.safla.memory.SearchRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Relevance feedback and the feedback loop's self-awareness state; documented in docs/api_reference.md. */
@RestController
@RequestMapping("/api")
class CognitionController {

    private final FeedbackLoopService feedback;

    CognitionController(FeedbackLoopService feedback) {
        this.feedback = feedback;
    }

    record FeedbackBody(
            @NotBlank(message = SearchRequest.QUERY_BLANK)
            @Size(max = SearchRequest.MAX_QUERY_LENGTH, message = SearchRequest.QUERY_TOO_LONG)
            String query,

            @NotBlank(message = "must not be blank") @Size(max = 128, message = "must be at most 128 characters")
            String itemId,

            @Nullable @NotNull(message = "must be true or false")
            Boolean relevant) {}

    @PostMapping("/memory/feedback")
    ResponseEntity<?> feedback(@Valid @RequestBody FeedbackBody body) {
        try {
            return ResponseEntity.ok(
                    feedback.feedback(body.query(), body.itemId(), Boolean.TRUE.equals(body.relevant())));
        } catch (UnknownItemException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
            problem.setTitle("Not found");
            problem.setProperty("errors", List.of(new ApiExceptionHandler.FieldProblem("itemId", e.getMessage())));
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
    }

    /** One recorded cycle without the visitors' query texts, which are theirs and not for everyone to read. */
    record CycleSummary(
            long cycle,
            String outcome,
            double totalDelta,
            double qualityBefore,
            double qualityAfter,
            List<String> strategies,
            List<String> violations) {}

    record GoalView(String name, double target, double current, double progress) {}

    record StateView(
            List<GoalView> goals,
            double confidence,
            List<?> strategies,
            double hybridWeight,
            double threshold,
            int judgedQueries,
            long cycles,
            long rollbacks,
            double deltaTrend,
            List<CycleSummary> recentCycles) {}

    @GetMapping("/cognition/state")
    StateView state() {
        SelfAwareness s = feedback.state();
        return new StateView(
                s.goals().stream()
                        .map(g -> new GoalView(g.name(), g.target(), g.current(), g.progress()))
                        .toList(),
                s.confidence(),
                s.strategies(),
                s.hybridWeight(),
                s.threshold(),
                s.guardQueries(),
                s.cycles(),
                s.rollbacks(),
                s.deltaTrend(),
                s.recentAdaptations().stream().map(CognitionController::summary).toList());
    }

    private static CycleSummary summary(CycleRecord c) {
        return new CycleSummary(
                c.cycle(),
                c.outcome().name(),
                c.delta().total(),
                c.before().quality(),
                c.after().quality(),
                c.decisions().stream().map(CycleRecord.Decision::strategy).toList(),
                c.violations());
    }
}
