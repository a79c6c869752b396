package io.safla.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.monitor.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdaptiveBoundariesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AdaptiveBoundaries.Policy policy = new AdaptiveBoundaries.Policy(
            0.35, 0.22, 0.05, 3, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofHours(1));
    private final AdaptiveBoundaries b = new AdaptiveBoundaries(clock, policy);

    private void violations(String source, int n) {
        for (int i = 0; i < n; i++) {
            b.record(source, true);
            clock.advance(Duration.ofSeconds(30));
        }
    }

    @Test
    void record_repeatedViolations_tightenAndRecordChange() {
        violations("s1", 3);
        assertThat(b.tolerance("s1")).isEqualTo(0.30);
        assertThat(b.history()).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo("s1");
            assertThat(c.oldTolerance()).isEqualTo(0.35);
            assertThat(c.newTolerance()).isEqualTo(0.30);
            assertThat(c.at()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
            assertThat(c.reason()).contains("3 violations");
        });
        assertThat(b.tolerance("other")).isEqualTo(0.35);
    }

    @Test
    void record_violationsSpreadBeyondWindow_doNotTighten() {
        for (int i = 0; i < 5; i++) {
            b.record("s", true);
            clock.advance(Duration.ofMinutes(6));
        }
        assertThat(b.tolerance("s")).isEqualTo(0.35);
        assertThat(b.history()).isEmpty();
    }

    @Test
    void record_neverBelowFloor() {
        for (int round = 0; round < 20; round++) {
            violations("s", 3);
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(b.tolerance("s")).isEqualTo(0.22);
        assertThat(b.history()).allSatisfy(c -> assertThat(c.newTolerance()).isGreaterThanOrEqualTo(0.22));
    }

    @Test
    void tolerance_quietPeriod_relaxesBackButNeverAboveConfigured() {
        violations("s", 3);
        clock.advance(Duration.ofMinutes(2));
        violations("s", 3);
        assertThat(b.tolerance("s")).isEqualTo(0.25);
        clock.advance(Duration.ofHours(1));
        assertThat(b.tolerance("s")).isEqualTo(0.30);
        clock.advance(Duration.ofHours(10));
        assertThat(b.tolerance("s")).isEqualTo(0.35);
        assertThat(b.history().get(b.history().size() - 1).reason()).contains("relaxed");
    }

    @Test
    void record_cooldown_preventsSecondTighteningRightAway() {
        violations("s", 3);
        b.record("s", true);
        b.record("s", true);
        b.record("s", true);
        assertThat(b.tolerance("s")).isEqualTo(0.30);
    }

    @Test
    void policy_invalidBounds_areRejected() {
        assertThatThrownBy(() -> new AdaptiveBoundaries.Policy(
                        0.3, 0.4, 0.05, 3, Duration.ofMinutes(1), Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdaptiveBoundaries.Policy(
                        0.3, 0.1, 0, 3, Duration.ofMinutes(1), Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
