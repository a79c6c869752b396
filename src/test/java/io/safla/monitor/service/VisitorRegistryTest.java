package io.safla.monitor.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.monitor.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VisitorRegistryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final VisitorRegistry registry = new VisitorRegistry(clock, Duration.ofMinutes(3), 2);

    @Test
    void admit_upToTheLimit_thenRefusesWithAWait() {
        assertThat(registry.admit("a").admitted()).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(registry.admit("b").admitted()).isTrue();

        VisitorRegistry.Admission refused = registry.admit("c");

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.active()).isEqualTo(2);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(150));
        assertThat(registry.isAdmitted("c")).isFalse();
    }

    @Test
    void admit_knownSession_isAlwaysLetBackIn() {
        registry.admit("a");
        registry.admit("b");

        assertThat(registry.admit("a").admitted()).isTrue();
    }

    @Test
    void inactiveVisitors_freeTheirPlace_butActiveOnesKeepIt() {
        registry.admit("a");
        registry.admit("b");
        clock.advance(Duration.ofMinutes(2));
        registry.touch("a");
        clock.advance(Duration.ofMinutes(2));

        assertThat(registry.activeCount()).isEqualTo(1);
        assertThat(registry.admit("c").admitted()).isTrue();
        assertThat(registry.isAdmitted("b")).isFalse();
    }

    @Test
    void leave_freesThePlaceAtOnce() {
        registry.admit("a");
        registry.admit("b");
        registry.leave("a");

        assertThat(registry.admit("c").admitted()).isTrue();
    }

    @Test
    void touch_unknownSession_admitsNobody() {
        registry.touch("stranger");

        assertThat(registry.activeCount()).isZero();
    }
}
