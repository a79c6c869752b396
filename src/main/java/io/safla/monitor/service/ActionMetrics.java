package io.safla.monitor.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Times every visitor action: a Micrometer timer {@code safla.ui.action} (tags: action, outcome; percentiles for
 * Prometheus), an error counter {@code safla.ui.action.errors}, and an analytics event. Labels never carry visitor
 * identifiers.
 */
@Service
public class ActionMetrics {

    private final MeterRegistry registry;
    private final AnalyticsService analytics;

    ActionMetrics(MeterRegistry registry, AnalyticsService analytics) {
        this.registry = registry;
        this.analytics = analytics;
    }

    public <T> T time(String sessionId, String action, Supplier<T> work) {
        long start = System.nanoTime();
        boolean success = false;
        try {
            T result = work.get();
            success = true;
            return result;
        } finally {
            long nanos = System.nanoTime() - start;
            Timer.builder("safla.ui.action")
                    .description("Visitor actions in the dashboard")
                    .tag("action", action)
                    .tag("outcome", success ? "success" : "error")
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (!success) {
                Counter.builder("safla.ui.action.errors")
                        .tag("action", action)
                        .register(registry)
                        .increment();
            }
            analytics.record(sessionId, "ui_action", action, nanos / 1000, success);
        }
    }
}
