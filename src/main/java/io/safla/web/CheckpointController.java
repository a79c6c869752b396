package io.safla.web;

import io.safla.checkpoint.CheckpointInfo;
import io.safla.checkpoint.service.CheckpointService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Checkpoints, rollback and the emergency stop under {@code /api/safety}. */
@RestController
@RequestMapping("/api/safety")
class CheckpointController {

    private final CheckpointService checkpoints;
    private final OperatorGuard guard;

    CheckpointController(CheckpointService checkpoints, OperatorGuard guard) {
        this.checkpoints = checkpoints;
        this.guard = guard;
    }

    record Reason(
            @Nullable @Size(max = 200, message = "must be at most 200 characters")
            String reason) {}

    record EmergencyState(
            boolean frozen,
            @Nullable Instant since,
            @Nullable String reason) {}

    @GetMapping("/checkpoints")
    List<CheckpointInfo> list() {
        return checkpoints.list();
    }

    @PostMapping("/checkpoints")
    ResponseEntity<CheckpointInfo> create(
            @Valid @RequestBody(required = false) @Nullable Reason body, HttpServletRequest request) {
        guard.require(request);
        String reason = body == null || body.reason() == null || body.reason().isBlank()
                ? "on request"
                : body.reason().strip();
        CheckpointInfo info = checkpoints.create(reason);
        return ResponseEntity.created(URI.create("/api/safety/checkpoints/" + info.id()))
                .body(info);
    }

    @PostMapping("/rollback/{id}")
    CheckpointService.RollbackReport rollback(@PathVariable String id, HttpServletRequest request) {
        guard.require(request);
        return checkpoints.rollback(id);
    }

    @GetMapping("/emergency-stop")
    EmergencyState emergency() {
        return state();
    }

    @PostMapping("/emergency-stop")
    EmergencyState stop(@Valid @RequestBody(required = false) @Nullable Reason body, HttpServletRequest request) {
        guard.require(request);
        checkpoints.emergencyStop(
                body == null || body.reason() == null || body.reason().isBlank()
                        ? "stopped by an operator"
                        : body.reason().strip());
        return state();
    }

    @PostMapping("/emergency-stop/release")
    EmergencyState release(HttpServletRequest request) {
        guard.require(request);
        checkpoints.release();
        return state();
    }

    private EmergencyState state() {
        return checkpoints
                .emergency()
                .map(f -> new EmergencyState(true, f.since(), f.reason()))
                .orElse(new EmergencyState(false, null, null));
    }
}
