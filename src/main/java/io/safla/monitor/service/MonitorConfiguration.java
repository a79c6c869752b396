package io.safla.monitor.service;

import io.safla.config.AppProperties;
import io.safla.config.HealthProperties;
import io.safla.monitor.HealthHistory;
import io.safla.monitor.MemoryGuard;
import io.safla.monitor.OshiProcessProbe;
import io.safla.monitor.PerformanceRule;
import io.safla.monitor.ProcessProbe;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MonitorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MonitorConfiguration.class);

    @Bean
    RequestWindow requestWindow(Clock clock, HealthProperties health) {
        return new RequestWindow(clock, health.window());
    }

    @Bean
    VisitorRegistry visitorRegistry(Clock clock, HealthProperties health, AppProperties app) {
        return new VisitorRegistry(clock, health.activeWindow(), app.maxConcurrentUsers());
    }

    @Bean
    HealthHistory healthHistory(HealthProperties health) {
        return new HealthHistory(health.historySamples());
    }

    @Bean
    MemoryGuard memoryGuard(HealthProperties health) {
        return new MemoryGuard(
                health.maxMemoryMb() * 1024L * 1024L, health.unhealthyFraction(), health.cleanupFraction());
    }

    @Bean
    PerformanceRule performanceRule(HealthProperties health) {
        return new PerformanceRule(health.slowAverage().toNanos() / 1e6);
    }

    @Bean
    ProcessProbe processProbe() {
        try {
            return new OshiProcessProbe();
        } catch (RuntimeException | LinkageError e) {
            // OSHI needs JNA and /proc; without them the panel shows "unknown" and memory reads DEGRADED
            log.warn("OSHI unavailable, system readings disabled: {}", e.toString());
            return new UnavailableProbe();
        }
    }

    static final class UnavailableProbe implements ProcessProbe {
        @Override
        public long residentBytes() {
            return -1;
        }

        @Override
        public long systemMemoryTotalBytes() {
            return -1;
        }

        @Override
        public long systemMemoryAvailableBytes() {
            return -1;
        }

        @Override
        public double systemCpuLoad() {
            return -1;
        }

        @Override
        public double loadAverage() {
            return -1;
        }

        @Override
        public int logicalProcessors() {
            return Runtime.getRuntime().availableProcessors();
        }
    }
}
