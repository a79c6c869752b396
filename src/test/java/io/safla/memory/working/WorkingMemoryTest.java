package io.safla.memory.working;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.safla.monitor.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

class WorkingMemoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration HALF_LIFE = Duration.ofMinutes(10);
    private final MutableClock clock = new MutableClock(T0);

    private WorkingMemory memory(int capacity) {
        return new WorkingMemory(capacity, 0.2, HALF_LIFE, clock);
    }

    @Test
    void attention_halvesEveryHalfLifeFromLastAccess() {
        WorkingMemory m = memory(5);
        String id = m.focus("read the paper", 0.8);

        clock.advance(HALF_LIFE);
        assertThat(m.attention(id).orElseThrow()).isCloseTo(0.4, within(1e-12));
        clock.advance(HALF_LIFE.multipliedBy(2));
        assertThat(m.attention(id).orElseThrow()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void reads_doNotCompound() {
        WorkingMemory m = memory(5);
        String id = m.focus("x", 1.0);
        clock.advance(HALF_LIFE);

        double first = m.context().get(0).attention();
        double second = m.context().get(0).attention();
        m.sweep();

        assertThat(first).isEqualTo(second).isCloseTo(0.5, within(1e-12));
        assertThat(m.attention(id).orElseThrow()).isEqualTo(first);
    }

    @Test
    void touch_resetsDecayAndClosesAQuarterOfTheGap() {
        WorkingMemory m = memory(5);
        String id = m.focus("x", 0.8);
        clock.advance(HALF_LIFE);

        double boosted = m.touch(id).orElseThrow();

        assertThat(boosted).isCloseTo(0.4 + 0.25 * 0.6, within(1e-12));
        assertThat(m.get(id).orElseThrow().lastAccess()).isEqualTo(clock.instant());
        assertThat(m.attention(id).orElseThrow()).isEqualTo(boosted);
        for (int i = 0; i < 200; i++) {
            boosted = m.touch(id).orElseThrow();
        }
        assertThat(boosted).isLessThanOrEqualTo(1.0).isGreaterThan(0.99);
        assertThat(m.touch("missing")).isEmpty();
    }

    @Test
    void focus_sameText_refreshesTheExistingItem() {
        WorkingMemory m = memory(5);
        String id = m.focus("Check the eval", 0.6, Set.of("a"));
        clock.advance(HALF_LIFE);

        String again = m.focus(" check the EVAL", 0.5, Set.of("b"));

        assertThat(again).isEqualTo(id);
        assertThat(m.size()).isEqualTo(1);
        assertThat(m.attention(id).orElseThrow()).isEqualTo(0.5);
        assertThat(m.get(id).orElseThrow().tags()).containsExactly("a", "b");
    }

    @Test
    void context_sortsByCurrentNotBaseAttention() {
        WorkingMemory m = memory(5);
        String old = m.focus("old but strong", 0.9);
        clock.advance(HALF_LIFE.multipliedBy(2));
        String fresh = m.focus("fresh and moderate", 0.5);

        assertThat(m.context()).extracting(a -> a.item().id()).containsExactly(fresh, old);
        assertThat(m.context().get(1).attention()).isCloseTo(0.225, within(1e-12));
    }

    @Test
    void focus_overCapacity_evictsTheLeastActiveButNeverTheNewcomer() {
        WorkingMemory m = memory(2);
        String a = m.focus("a", 0.9);
        String b = m.focus("b", 0.3);
        String c = m.focus("c", 0.1);

        assertThat(m.get(b)).isEmpty();
        assertThat(m.get(a)).isPresent();
        assertThat(m.get(c)).isPresent();
    }

    @Test
    void sweep_dropsOnlyItemsBelowThreshold() {
        WorkingMemory m = memory(5);
        String weak = m.focus("weak", 0.3);
        String strong = m.focus("strong", 0.9);
        clock.advance(HALF_LIFE);

        assertThat(m.size()).isEqualTo(2);
        assertThat(m.sweep()).containsExactly(weak);
        assertThat(m.get(strong)).isPresent();
    }

    @Test
    void clockGoingBackwards_countsAsNoElapsedTime() {
        WorkingMemory m = memory(5);
        String id = m.focus("x", 0.7);
        clock.advance(Duration.ofMinutes(-5));
        assertThat(m.attention(id).orElseThrow()).isEqualTo(0.7);
    }

    @Test
    void invalidArguments_areRejected() {
        assertThatThrownBy(() -> new WorkingMemory(0, 0.2, HALF_LIFE, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingMemory(1, 0.2, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory(1).focus("x", 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory(1).focus(" ", 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void state_jsonRoundTrip_restoresAnEqualMemory() throws Exception {
        ObjectMapper json = new ObjectMapper();
        WorkingMemory m = memory(5);
        m.focus("one", 0.5, Set.of("safety"));
        clock.advance(Duration.ofSeconds(7, 123_456_789));
        m.focus("two", 0.25);

        WorkingState state = m.state();
        WorkingState back = json.readValue(json.writeValueAsString(state), WorkingState.class);
        WorkingMemory restored = WorkingMemory.restore(back, clock);

        assertThat(back).isEqualTo(state);
        assertThat(restored.state()).isEqualTo(state);
        assertThat(restored.context()).isEqualTo(m.context());
        assertThat(restored.focus("three", 0.5)).isEqualTo("wm-3");
    }
}
