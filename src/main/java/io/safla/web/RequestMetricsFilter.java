package io.safla.web;

import io.safla.monitor.service.RequestWindow;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Feeds the health panel's request figures: API calls, page loads and Vaadin UI round trips (each UI action is an
 * HTTP request). Static files, Actuator probes and Vaadin heartbeats are not visitor work and are left out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestMetricsFilter extends OncePerRequestFilter {

    private final RequestWindow requests;

    RequestMetricsFilter(RequestWindow requests) {
        this.requests = requests;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // the query string only: getParameter could consume a POST body
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        return path.startsWith("/actuator")
                || path.startsWith("/VAADIN/")
                || path.startsWith("/webjars/")
                || path.startsWith("/styles/")
                || path.startsWith("/js/")
                || path.startsWith("/images/")
                || path.endsWith(".ico")
                || query.contains("v-r=heartbeat")
                || query.contains("v-r=push");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = response.getStatus() >= 500;
        } finally {
            requests.record(System.nanoTime() - start, failed);
        }
    }
}
