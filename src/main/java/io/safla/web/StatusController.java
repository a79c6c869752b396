package io.safla.web;

import io.safla.monitor.HealthSnapshot;
import io.safla.monitor.service.HealthSampler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/status}: the health panel's latest snapshot, for scripts and monitors. */
@RestController
@RequestMapping("/api")
class StatusController {

    private final HealthSampler sampler;

    StatusController(HealthSampler sampler) {
        this.sampler = sampler;
    }

    @GetMapping("/status")
    HealthSnapshot status() {
        return sampler.latest();
    }

    /** Unknown API paths answer with a JSON 404 instead of the dashboard's HTML page. */
    @RequestMapping("/**")
    org.springframework.http.ResponseEntity<ProblemDetail> notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No such API endpoint; see docs/api_reference.md.");
        problem.setTitle("Not found");
        return org.springframework.http.ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
