package io.safla.web;

import io.safla.monitor.service.OperatorService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operator's view of Actuator. A request with the operator token in {@code X-Admin-Token} is seen by Actuator
 * as an authenticated principal, so {@code show-details=when-authorized} shows it the health details (data paths, disk
 * figures) that anonymous visitors do not get. {@code /actuator/prometheus} needs the token in production and on a
 * Space (403 otherwise); in development and test off a Space it stays open.
 */
class ActuatorAccessFilter extends OncePerRequestFilter {

    static final String PROMETHEUS = "/actuator/prometheus";

    private final OperatorService operator;
    private final boolean metricsOpen;

    ActuatorAccessFilter(OperatorService operator, boolean metricsOpen) {
        this.operator = operator;
        this.metricsOpen = metricsOpen;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean isOperator = operator.verify(request.getHeader(OperatorGuard.HEADER));
        String path = SessionGuard.path(request);
        if (!isOperator && !metricsOpen && (path.equals(PROMETHEUS) || path.startsWith(PROMETHEUS + "/"))) {
            response.setStatus(403);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream()
                    .write(("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                                    + "\"detail\":\"The metrics need the operator token in the " + OperatorGuard.HEADER
                                    + " header.\",\"instance\":\"" + PROMETHEUS + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(isOperator ? new OperatorRequest(request) : request, response);
    }

    private static final class OperatorRequest extends HttpServletRequestWrapper {

        private static final Principal OPERATOR = () -> "operator";

        OperatorRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return OPERATOR;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }
    }
}
