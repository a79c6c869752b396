package io.safla.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.safla.monitor.ComponentHealth;
import io.safla.monitor.HealthLevel;
import io.safla.monitor.MemoryGuard;
import io.safla.monitor.MutableClock;
import io.safla.monitor.PerformanceRule;
import io.safla.monitor.RequestStats;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestWindowTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final RequestWindow window = new RequestWindow(clock, Duration.ofMinutes(5));

    private static long ms(double millis) {
        return (long) (millis * 1_000_000);
    }

    @Test
    void stats_noRequests_areZero() {
        assertThat(window.stats()).isEqualTo(RequestStats.NONE);
    }

    @Test
    void stats_mixOfRequests_giveAverageP95RateAndErrors() {
        for (int i = 1; i <= 100; i++) {
            window.record(ms(i), i % 10 == 0);
            clock.advance(Duration.ofMillis(500));
        }

        RequestStats stats = window.stats();
        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.averageMillis()).isCloseTo(50.5, within(1e-9));
        assertThat(stats.p95Millis()).isCloseTo(95, within(1e-9));
        assertThat(stats.errorRate()).isCloseTo(0.1, within(1e-9));
        assertThat(stats.perMinute()).isCloseTo(100 / 5.0, within(1e-9));
    }

    @Test
    void stats_oldRequests_fallOutOfTheWindow() {
        window.record(ms(5000), true);
        clock.advance(Duration.ofMinutes(4));
        window.record(ms(10), false);
        assertThat(window.stats().count()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(61));

        RequestStats stats = window.stats();
        assertThat(stats.count()).isEqualTo(1);
        assertThat(stats.averageMillis()).isCloseTo(10, within(1e-9));
        assertThat(stats.p95Millis()).isCloseTo(10, within(1e-9));
        assertThat(stats.errorRate()).isZero();
    }

    @Test
    void performanceRule_slowAverage_isDegraded() {
        PerformanceRule rule = new PerformanceRule(1000);
        window.record(ms(900), false);
        assertThat(rule.assess(window.stats()).level()).isEqualTo(HealthLevel.UP);

        window.record(ms(1200), false);
        window.record(ms(1200), false);

        ComponentHealth health = rule.assess(window.stats());
        assertThat(health.level()).isEqualTo(HealthLevel.DEGRADED);
        assertThat(health.detail()).contains("average 1100 ms").contains("above 1000 ms");
    }

    @Test
    void memoryGuard_above80PercentOfMax_isDownAndNeedsCleanup() {
        MemoryGuard guard = new MemoryGuard(1500L << 20, 0.8, 0.8);

        assertThat(guard.assess(1100L << 20).level()).isEqualTo(HealthLevel.UP);
        assertThat(guard.needsCleanup(1100L << 20)).isFalse();
        assertThat(guard.assess(1300L << 20).level()).isEqualTo(HealthLevel.DOWN);
        assertThat(guard.assess(1300L << 20).detail()).isEqualTo("1300 MB resident of 1500 MB allowed: above 80 %");
        assertThat(guard.needsCleanup(1300L << 20)).isTrue();
        assertThat(guard.assess(-1).level()).isEqualTo(HealthLevel.DEGRADED);
    }

    @Test
    void healthLevel_worst_ordersBySeverity() {
        assertThat(HealthLevel.UP.worst(HealthLevel.DEGRADED)).isEqualTo(HealthLevel.DEGRADED);
        assertThat(HealthLevel.DOWN.worst(HealthLevel.DEGRADED)).isEqualTo(HealthLevel.DOWN);
        assertThat(HealthLevel.UP.worst(HealthLevel.UP)).isEqualTo(HealthLevel.UP);
    }
}
