package io.safla.web;

import io.safla.monitor.RateLimiter;
import io.safla.monitor.service.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the sessions page loads open, so a cookie-less flood degrades its sender and never the process:
 *
 * <ul>
 *   <li>a request without a valid session to a page (not {@code /api}, {@code /actuator} or a static file) takes one
 *       token from the client's page-load allowance ({@code safla.ratelimit.page-loads-per-minute}), else 429;
 *   <li>a client address may hold {@code safla.ratelimit.sessions-per-client} live sessions, else 429;
 *   <li>every request without a session outside {@code /api} and {@code /actuator} needs room under
 *       {@code safla.ratelimit.max-sessions} while it runs, else a 503 busy page with {@code Retry-After};
 *   <li>the session it opens is provisional ({@link LiveSessions}) until the page makes its first UI request.
 * </ul>
 *
 * A session opened by a request that did not look like a page load is charged to the page-load allowance
 * afterwards and invalidated at once when over it, so a misjudged path costs politeness, never the bound.
 */
class SessionGuard extends OncePerRequestFilter {

    private final RateLimits limits;
    private final LiveSessions sessions;
    private final boolean trustForwardedFor;
    private final int sessionTimeoutSeconds;
    private final int sessionsPerClient;

    SessionGuard(
            RateLimits limits,
            LiveSessions sessions,
            boolean trustForwardedFor,
            int sessionTimeoutSeconds,
            int sessionsPerClient) {
        this.sessionsPerClient = sessionsPerClient;
        this.limits = limits;
        this.sessions = sessions;
        this.trustForwardedFor = trustForwardedFor;
        this.sessionTimeoutSeconds = sessionTimeoutSeconds;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            if (isUiRequest(request)) {
                sessions.promote(existing, sessionTimeoutSeconds);
            }
            chain.doFilter(request, response);
            return;
        }
        String path = path(request);
        if (isApiOrActuator(path)) {
            chain.doFilter(request, response);
            opened(request, false, ClientAddress.of(request, trustForwardedFor));
            return;
        }
        String client = ClientAddress.of(request, trustForwardedFor);
        boolean page = isPageLoad(path);
        if (page) {
            if (sessions.sessionsOf(client) >= sessionsPerClient) {
                refuse(
                        response,
                        429,
                        sessions.retryAfterSeconds(),
                        "Too many open sessions",
                        "This address already has " + sessionsPerClient + " dashboard sessions open. Please use one"
                                + " of them, or try again later.");
                return;
            }
            RateLimiter.Decision decision = limits.tryPageLoad(client);
            if (!decision.allowed()) {
                refuse(
                        response,
                        429,
                        decision.retryAfterSeconds(),
                        "Too many new visits",
                        "This address opened more than " + decision.limit()
                                + " new dashboard sessions in a minute. Please wait a moment, then reload.");
                return;
            }
        }
        // any session-less request may open a session (Vaadin answers unknown paths with the app page), so each
        // holds a place under the cap while it runs
        if (!sessions.tryReserve()) {
            refuse(
                    response,
                    503,
                    sessions.retryAfterSeconds(),
                    "SAFLA is busy",
                    "This Space has as many visitor sessions open as it can hold. Please try again in about "
                            + sessions.retryAfterSeconds() + " s.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            sessions.release();
            opened(request, page, client);
        }
    }

    private void opened(HttpServletRequest request, boolean charged, String client) {
        HttpSession created;
        try {
            created = request.getSession(false);
            if (created == null || !created.isNew()) {
                return;
            }
            if (!charged
                    && (sessions.overCap()
                            || sessions.sessionsOf(client) >= sessionsPerClient
                            || !limits.tryPageLoad(client).allowed())) {
                created.invalidate();
                return;
            }
            sessions.provisional(created, client);
        } catch (IllegalStateException invalidatedMeanwhile) {
            // nothing left to bound
        }
    }

    /** Vaadin's client calls: the bootstrap's {@code v-r=init}, UIDL and heartbeat requests all carry {@code v-r}. */
    private static boolean isUiRequest(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && (query.startsWith("v-r=") || query.contains("&v-r="));
    }

    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }

    static boolean isApiOrActuator(String path) {
        return path.startsWith("/api/")
                || path.equals("/api")
                || path.startsWith("/actuator/")
                || path.equals("/actuator");
    }

    static boolean isPageLoad(String path) {
        if (isApiOrActuator(path) || path.startsWith("/VAADIN/")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    private static void refuse(HttpServletResponse response, int status, long retryAfter, String title, String text)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + " | SAFLA</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>"
                + "<body style=\"font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em\">"
                + "<h1>" + title + "</h1><p>" + text + "</p><p><a href=\"./\">Try again</a></p></body></html>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
