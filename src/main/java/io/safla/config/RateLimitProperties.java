package io.safla.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Fair-use limits.
 *
 * @param perMinute requests per visitor per minute, refilled smoothly ({@code RATE_LIMIT_PER_MINUTE})
 * @param trustForwardedFor read the client address from {@code X-Forwarded-For}; only behind a trusted proxy
 * @param pageLoadsPerMinute page loads without a session (each makes one) per client address per minute
 * @param maxSessions live HTTP sessions at most; a page load beyond it gets a 503 busy answer
 * @param provisionalSessionSeconds lifetime of a new session until its page makes its first UI request
 * @param sessionsPerClient live sessions one client address may hold (a script that completes the handshake would
 *     otherwise fill {@code maxSessions} alone)
 */
@Validated
@ConfigurationProperties("safla.ratelimit")
public record RateLimitProperties(
        @DefaultValue("60") @Min(1) @Max(10000) int perMinute,
        @DefaultValue("false") boolean trustForwardedFor,
        @DefaultValue("20") @Min(1) @Max(10000) int pageLoadsPerMinute,
        @DefaultValue("200") @Min(1) @Max(100000) int maxSessions,
        @DefaultValue("45") @Min(5) @Max(600) int provisionalSessionSeconds,
        @DefaultValue("20") @Min(1) @Max(100000) int sessionsPerClient) {}
