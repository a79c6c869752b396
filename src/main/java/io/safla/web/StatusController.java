package io.safla.web;

import io.safla.monitor.HealthSnapshot;
import io.safla.system.service.SaflaManager;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/status}: the status of every part (the health panel's latest snapshot), for scripts and monitors. */
@RestController
@RequestMapping("/api")
class StatusController {

    private final SaflaManager manager;

    StatusController(SaflaManager manager) {
        this.manager = manager;
    }

    @GetMapping("/status")
    HealthSnapshot status() {
        return manager.status();
    }

    /** Unknown API paths answer with a JSON 404 instead of the dashboard's HTML page. */
    @RequestMapping("/**")
    org.springframework.http.ResponseEntity<ProblemDetail> notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "No such API endpoint; see docs/api_reference.md.");
        problem.setTitle("Not found");
        return org.springframework.http.ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem);
    }
}
