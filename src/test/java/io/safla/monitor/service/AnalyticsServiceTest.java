package io.safla.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.config.AppProperties;
import io.safla.monitor.AnalyticsEvent;
import io.safla.monitor.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

class AnalyticsServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:30Z"));

    private AnalyticsService service(boolean enabled) {
        AppProperties app = new AppProperties(
                AppProperties.DeploymentEnvironment.TEST,
                false,
                AppProperties.LogLevel.INFO,
                7860,
                Path.of("target/test-data"),
                3600,
                10,
                enabled,
                null,
                null,
                null);
        return new AnalyticsService(app, clock, new ObjectMapper());
    }

    @Test
    void disabled_recordsNothing() {
        AnalyticsService analytics = service(false);

        analytics.record("session-1", "ui_action", "memory.search", 1200, true);

        assertThat(analytics.events()).isEmpty();
    }

    @Test
    void enabled_recordsAnonymousEvents() {
        AnalyticsService analytics = service(true);

        analytics.record("session-1", "ui_action", "memory.search", 1200, true);
        analytics.record("session-1", "ui_action", "safety.validate", 800, false);
        analytics.record("session-2", "ui_action", "memory.search", 900, true);

        assertThat(analytics.events()).hasSize(3);
        AnalyticsEvent first = analytics.events().get(0);
        assertThat(first.sessionHash()).matches("[0-9a-f]{12}").doesNotContain("session");
        assertThat(analytics.events().get(1).sessionHash()).isEqualTo(first.sessionHash());
        assertThat(analytics.events().get(2).sessionHash()).isNotEqualTo(first.sessionHash());
        assertThat(first.time()).isEqualTo(clock.instant());
    }

    @Test
    void perMinute_countsByFeatureInMinuteBuckets() {
        AnalyticsService analytics = service(true);
        analytics.record("s", "ui_action", "memory.search", 1, true);
        clock.advance(Duration.ofMinutes(2));
        analytics.record("s", "ui_action", "memory.search", 1, true);
        analytics.record("s", "ui_action", "safety.validate", 1, true);

        var counts = analytics.perMinute(clock.instant(), 3);

        assertThat(counts.get("memory.search")).containsExactly(1, 0, 1);
        assertThat(counts.get("safety.validate")).containsExactly(0, 0, 1);
    }

    @Test
    void hashes_differBetweenProcesses() {
        assertThat(service(true).hash("same-session"))
                .isNotEqualTo(service(true).hash("same-session"));
    }
}
