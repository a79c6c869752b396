package io.safla.memory.episodic;

import static io.safla.memory.episodic.EpisodeKind.LEARNING;
import static io.safla.memory.episodic.EpisodeKind.PERFORMANCE;
import static io.safla.memory.episodic.EpisodeKind.SAFETY;
import static io.safla.memory.episodic.EpisodeKind.USER_INTERACTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.safla.monitor.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

class EpisodicMemoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private final MutableClock clock = new MutableClock(T0);

    private EpisodicMemory memory(int max) {
        return new EpisodicMemory(max, Duration.ofDays(7), clock);
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static Episode ep(String id, EpisodeKind kind, double valence, Instant t) {
        return new Episode(id, "text of " + id, kind, valence, 0.5, t, Set.of());
    }

    @Test
    void add_withoutId_generatesSequentialIdsSkippingTakenOnes() {
        EpisodicMemory m = memory(10);
        m.add(ep("ep-2", LEARNING, 0, T0));

        String a = m.add("first", LEARNING, 0.1, 0.2, T0, Set.of());
        String b = m.add("second", SAFETY, -0.3, 0.9, T0, Set.of("Alignment ", "alignment"));

        assertThat(List.of(a, b)).containsExactly("ep-1", "ep-3");
        assertThat(m.get("ep-3").orElseThrow().tags()).containsExactly("alignment");
    }

    @Test
    void add_duplicateId_isRejected() {
        EpisodicMemory m = memory(10);
        m.add(ep("x", LEARNING, 0, T0));
        assertThatThrownBy(() -> m.add(ep("x", SAFETY, 0, T0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(m.get("x").orElseThrow().kind()).isEqualTo(LEARNING);
    }

    @Test
    void episode_outOfRangeValues_areRejected() {
        assertThatThrownBy(() -> new Episode("a", "t", LEARNING, 1.01, 0.5, T0, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Episode("a", "t", LEARNING, 0, -0.1, T0, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Episode("a", "t", LEARNING, Double.NaN, 0.5, T0, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Episode("a", " ", LEARNING, 0, 0.5, T0, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Episode("a", "t", LEARNING, 0, 0.5, T0, Set.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void add_overCapacity_dropsOldestIncludingABackdatedNewcomer() {
        EpisodicMemory m = memory(3);
        m.add(ep("b", LEARNING, 0, at(2)));
        m.add(ep("a", LEARNING, 0, at(1)));
        m.add(ep("c", LEARNING, 0, at(3)));
        m.add(ep("d", LEARNING, 0, at(4)));

        assertThat(m.episodes()).extracting(Episode::id).containsExactly("b", "c", "d");

        m.add(ep("old", LEARNING, 0, at(0)));
        assertThat(m.get("old")).isEmpty();
        assertThat(m.size()).isEqualTo(3);
    }

    @Test
    void expire_dropsOnlyEpisodesOlderThanRetention() {
        EpisodicMemory m = memory(10);
        m.add(ep("old", LEARNING, 0, T0));
        m.add(ep("edge", LEARNING, 0, at(1)));
        clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(m.size()).isEqualTo(2);
        assertThat(m.expire()).containsExactly("old");
        assertThat(m.episodes()).extracting(Episode::id).containsExactly("edge");
    }

    @Test
    void add_expiresStaleEpisodesAndRejectsAlreadyExpiredOnes() {
        EpisodicMemory m = memory(10);
        m.add(ep("old", LEARNING, 0, T0));
        clock.advance(Duration.ofDays(8));

        m.add(ep("new", LEARNING, 0, clock.instant()));
        assertThat(m.get("old")).isEmpty();
        assertThatThrownBy(() -> m.add(ep("late", LEARNING, 0, T0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void query_timeRange_isHalfOpen() {
        EpisodicMemory m = memory(10);
        for (int i = 0; i < 5; i++) {
            m.add(ep("e" + i, LEARNING, 0, at(i)));
        }
        EpisodePage page = m.query(EpisodeQuery.all().between(at(1), at(3)), 0, 10);
        assertThat(page.items()).extracting(Episode::id).containsExactly("e2", "e1");
    }

    @Test
    void query_kindsAndMinAbsValence_filterTogether() {
        EpisodicMemory m = memory(10);
        m.add(ep("s-weak", SAFETY, 0.1, at(0)));
        m.add(ep("s-bad", SAFETY, -0.8, at(1)));
        m.add(ep("p-good", PERFORMANCE, 0.9, at(2)));
        m.add(ep("l-good", LEARNING, 0.9, at(3)));

        EpisodePage page =
                m.query(EpisodeQuery.all().ofKinds(SAFETY, PERFORMANCE).withMinAbsValence(0.5), 0, 10);

        assertThat(page.items()).extracting(Episode::id).containsExactly("p-good", "s-bad");
    }

    @Test
    void query_paging_isNewestFirstWithTotals() {
        EpisodicMemory m = memory(10);
        for (int i = 0; i < 5; i++) {
            m.add(ep("e" + i, LEARNING, 0, at(i)));
        }
        EpisodePage first = m.query(EpisodeQuery.all(), 0, 2);
        EpisodePage last = m.query(EpisodeQuery.all(), 4, 2);

        assertThat(first.items()).extracting(Episode::id).containsExactly("e4", "e3");
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.hasMore()).isTrue();
        assertThat(last.items()).extracting(Episode::id).containsExactly("e0");
        assertThat(last.hasMore()).isFalse();
    }

    @Test
    void timeline_countsKindsAndMeansValencePerBucket() {
        EpisodicMemory m = memory(10);
        m.add(ep("a", SAFETY, -1, at(0)));
        m.add(ep("b", SAFETY, 0.5, at(9)));
        m.add(ep("c", LEARNING, 0.2, at(10)));
        m.add(ep("d", USER_INTERACTION, 1, at(25)));

        List<TimelineBucket> t = m.timeline(at(0), at(25), Duration.ofMinutes(10));

        assertThat(t).hasSize(3);
        assertThat(t.get(0).counts()).containsEntry(SAFETY, 2).containsEntry(LEARNING, 0);
        assertThat(t.get(0).meanValence()).isCloseTo(-0.25, within(1e-12));
        assertThat(t.get(1).counts()).containsEntry(LEARNING, 1);
        assertThat(t.get(2).end()).isEqualTo(at(25));
        assertThat(t.get(2).total()).isZero();
        assertThat(t.get(2).meanValence()).isZero();
        assertThat(t.get(0).counts().keySet()).containsExactly(EpisodeKind.values());
    }

    @Test
    void timeline_tooManyBuckets_isRejected() {
        EpisodicMemory m = memory(10);
        assertThatThrownBy(() -> m.timeline(T0, T0.plus(Duration.ofDays(365)), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void remove_deletesFromEveryIndex() {
        EpisodicMemory m = memory(10);
        m.add(ep("a", SAFETY, 0, at(0)));
        assertThat(m.remove("a")).isTrue();
        assertThat(m.remove("a")).isFalse();
        assertThat(m.query(EpisodeQuery.all(), 0, 10).total()).isZero();
        assertThat(m.timeline(at(0), at(1), Duration.ofMinutes(1)).get(0).total())
                .isZero();
    }

    @Test
    void state_jsonRoundTrip_restoresAnEqualMemory() throws Exception {
        ObjectMapper json = new ObjectMapper();
        EpisodicMemory m = memory(10);
        m.add("one", SAFETY, -0.5, 0.25, at(1), Set.of("b", "a"));
        m.add(ep("custom", LEARNING, 0.75, at(2)));

        EpisodicState state = m.state();
        EpisodicState back = json.readValue(json.writeValueAsString(state), EpisodicState.class);
        EpisodicMemory restored = EpisodicMemory.restore(back, clock);

        assertThat(back).isEqualTo(state);
        assertThat(restored.state()).isEqualTo(state);
        assertThat(restored.add("next", LEARNING, 0, 0, at(3), Set.of())).isEqualTo("ep-2");
        assertThat(json.writeValueAsString(back)).isEqualTo(json.writeValueAsString(state));
    }

    @Test
    void timelineBucket_jsonRoundTrip_isEqual() throws Exception {
        ObjectMapper json = new ObjectMapper();
        TimelineBucket b = new TimelineBucket(T0, at(1), Map.of(SAFETY, 2), 2, 0.5);
        assertThat(json.readValue(json.writeValueAsString(b), TimelineBucket.class))
                .isEqualTo(b);
    }
}
