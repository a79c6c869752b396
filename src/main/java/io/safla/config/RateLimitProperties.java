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
 */
@Validated
@ConfigurationProperties("safla.ratelimit")
public record RateLimitProperties(
        @DefaultValue("60") @Min(1) @Max(10000) int perMinute,
        @DefaultValue("false") boolean trustForwardedFor) {}
