package io.safla.web;

import io.safla.monitor.RateLimiter;

import tools.jackson.databind.ObjectMapper;
import io.safla.config.AppProperties;
import io.safla.config.RateLimitProperties;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Buckets kept at most; an idle visitor's bucket is dropped after it would have refilled anyway. */
    static final int MAX_TRACKED_VISITORS = 10_000;

    @Bean
    RateLimiter apiRateLimiter(RateLimitProperties limits, Clock clock) {
        return new RateLimiter(limits.perMinute(), MAX_TRACKED_VISITORS, Duration.ofMinutes(2), clock);
    }

    @Bean
    FilterRegistrationBean<ApiRateLimitFilter> apiRateLimitFilter(RateLimiter apiRateLimiter,
            RateLimitProperties limits, AppProperties app, ObjectMapper json) {
        // on a Space the proxy in front of the app is trusted to append the client's address
        boolean trust = limits.trustForwardedFor() || app.onSpace();
        FilterRegistrationBean<ApiRateLimitFilter> registration =
                new FilterRegistrationBean<>(new ApiRateLimitFilter(apiRateLimiter, trust, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
