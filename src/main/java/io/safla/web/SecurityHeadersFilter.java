package io.safla.web;

import io.safla.config.AppProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response.
 *
 * <p>No {@code X-Frame-Options}: a HuggingFace Space shows the app inside an iframe on huggingface.co, which
 * {@code SAMEORIGIN} would block. {@code frame-ancestors} in the CSP allows exactly huggingface.co and this Space's own
 * host ({@code SPACE_HOST}, else derived from {@code SPACE_ID}) instead, not every Space on hf.space. On a Space,
 * which is only served over HTTPS, {@code Strict-Transport-Security} too.
 * Vaadin's client needs inline scripts and {@code eval}-style calls for {@code executeJs}, hence those two sources.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String HSTS = "max-age=31536000";

    static final String BASE_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");

    private final String contentSecurityPolicy;
    private final boolean onSpace;

    SecurityHeadersFilter(AppProperties app, Environment environment) {
        this.onSpace = app.onSpace();
        this.contentSecurityPolicy =
                contentSecurityPolicy(spaceHost(environment.getProperty("SPACE_HOST"), app.spaceId()));
    }

    static String contentSecurityPolicy(@Nullable String spaceHost) {
        return BASE_POLICY + "; frame-ancestors 'self' https://huggingface.co"
                + (spaceHost == null ? "" : " https://" + spaceHost);
    }

    /**
     * The Space's own host: {@code SPACE_HOST} as HuggingFace sets it, else {@code owner/name} from {@code SPACE_ID}
     * as HuggingFace spells it ({@code owner-name.hf.space}, lower case, {@code _} and {@code .} as {@code -}).
     */
    static @Nullable String spaceHost(@Nullable String spaceHost, @Nullable String spaceId) {
        if (spaceHost != null && !spaceHost.isBlank()) {
            String host = spaceHost.strip().toLowerCase(Locale.ROOT);
            return host.matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?") ? host : null;
        }
        if (spaceId == null || !spaceId.strip().matches("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+")) {
            return null;
        }
        String label = spaceId.strip()
                .toLowerCase(Locale.ROOT)
                .replace('/', '-')
                .replace('_', '-')
                .replace('.', '-');
        return label + ".hf.space";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        if (onSpace) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        chain.doFilter(request, response);
    }
}
