package io.safla.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void ofNanos_oneToHundredMicros_nearestRankPercentiles() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1000L; // shuffled order must not matter
        }
        LatencyStats s = LatencyStats.ofNanos(nanos, 100);

        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50Micros()).isEqualTo(50.0);
        assertThat(s.p95Micros()).isEqualTo(95.0);
        assertThat(s.p99Micros()).isEqualTo(99.0);
        assertThat(s.minMicros()).isEqualTo(1.0);
        assertThat(s.maxMicros()).isEqualTo(100.0);
        assertThat(s.meanMicros()).isEqualTo(50.5);
        assertThat(s.histogram().total()).isEqualTo(100);
        assertThat(s.histogram().edgesMicros())
                .hasSize(LatencyStats.BUCKETS + 1)
                .startsWith(1.0)
                .endsWith(100.0);
    }

    @Test
    void ofNanos_smallList_percentilesAreMeasuredValues() {
        long[] nanos = {5_000, 1_000, 3_000, 2_000, 4_000};
        LatencyStats s = LatencyStats.ofNanos(nanos, 5);

        assertThat(s.p50Micros()).isEqualTo(3.0);
        assertThat(s.p95Micros()).isEqualTo(5.0);
        assertThat(s.p99Micros()).isEqualTo(5.0);
        assertThat(nanos[0]).isEqualTo(5_000); // input untouched
    }

    @Test
    void ofNanos_onlyCountPrefixIsUsed() {
        LatencyStats s = LatencyStats.ofNanos(new long[] {2_000, 4_000, 999_000_000}, 2);

        assertThat(s.count()).isEqualTo(2);
        assertThat(s.maxMicros()).isEqualTo(4.0);
    }

    @Test
    void ofNanos_sameValues_singleSpanHistogram() {
        LatencyStats s = LatencyStats.ofNanos(new long[] {7_000, 7_000, 7_000}, 3);

        assertThat(s.p50Micros()).isEqualTo(7.0);
        assertThat(s.histogram().total()).isEqualTo(3);
    }

    @Test
    void ofNanos_empty_allZero() {
        assertThat(LatencyStats.ofNanos(new long[0], 0)).isEqualTo(LatencyStats.empty());
    }
}
