package io.safla.web;

import io.safla.config.AppProperties;
import io.safla.config.RateLimitProperties;
import io.safla.monitor.service.OperatorService;
import io.safla.monitor.service.RateLimits;
import java.time.Clock;
import java.time.Duration;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<ApiRateLimitFilter> apiRateLimitFilter(
            RateLimits rateLimits, RateLimitProperties limits, AppProperties app, ObjectMapper json) {
        // on a Space the proxy in front of the app is trusted to append the client's address
        boolean trust = limits.trustForwardedFor() || app.onSpace();
        FilterRegistrationBean<ApiRateLimitFilter> registration =
                new FilterRegistrationBean<>(new ApiRateLimitFilter(rateLimits, trust, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(OperatorService operator, AppProperties app) {
        boolean metricsOpen = !app.production() && !app.onSpace();
        FilterRegistrationBean<ActuatorAccessFilter> registration =
                new FilterRegistrationBean<>(new ActuatorAccessFilter(operator, metricsOpen));
        registration.addUrlPatterns("/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    /** Tomcat's error answers for {@code /api} as problem JSON (errors that happen before any filter runs). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
                for (Valve valve : host.getPipeline().getValves()) {
                    // Boot adds a plain ErrorReportValve in production; ours (deeper in the pipeline) answers first
                    if (valve.getClass() == org.apache.catalina.valves.ErrorReportValve.class) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ApiErrorReportValve());
            }
        });
    }

    @Bean
    LiveSessions liveSessions(RateLimitProperties limits, Clock clock) {
        return new LiveSessions(clock, limits.maxSessions(), Duration.ofSeconds(limits.provisionalSessionSeconds()));
    }

    @Bean
    FilterRegistrationBean<SessionGuard> sessionGuard(
            RateLimits rateLimits, LiveSessions sessions, RateLimitProperties limits, AppProperties app) {
        boolean trust = limits.trustForwardedFor() || app.onSpace();
        FilterRegistrationBean<SessionGuard> registration = new FilterRegistrationBean<>(
                new SessionGuard(rateLimits, sessions, trust, app.sessionTimeoutSeconds(), limits.sessionsPerClient()));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
        return registration;
    }
}
