package io.safla.web;

import io.safla.monitor.RateLimiter;
import io.safla.monitor.service.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/** {@code RATE_LIMIT_PER_MINUTE} for {@code /api}: 429 with {@code Retry-After}, else {@code X-RateLimit-Remaining}. */
class ApiRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limiter;
    private final boolean trustForwardedFor;
    private final ObjectMapper json;

    ApiRateLimitFilter(RateLimits limiter, boolean trustForwardedFor, ObjectMapper json) {
        this.limiter = limiter;
        this.trustForwardedFor = trustForwardedFor;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Decision decision = limiter.tryApiCall(ClientAddress.of(request, trustForwardedFor));
        response.setHeader("X-RateLimit-Limit", String.valueOf(decision.limit()));
        if (decision.allowed()) {
            response.setHeader("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
            chain.doFilter(request, response);
            return;
        }
        long seconds = decision.retryAfterSeconds();
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Too Many Requests");
        problem.put("status", 429);
        problem.put("detail", "More than " + decision.limit() + " requests per minute; retry in " + seconds + " s.");
        problem.put("instance", request.getRequestURI());
        problem.put("retryAfterSeconds", seconds);
        json.writeValue(response.getOutputStream(), problem);
    }
}
