package io.safla.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.memory.vector.KernelProvider;
import io.safla.memory.vector.ScalarKernel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BenchmarkRunnerTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final BenchmarkRunner runner = new BenchmarkRunner(KernelProvider.kernel(), clock);

    private BenchmarkReport run(BenchmarkSpec spec, BenchmarkTargets targets) {
        return runner.run(spec, targets, p -> {}, () -> false);
    }

    @ParameterizedTest
    @EnumSource(names = {"VECTOR_SEARCH_EXACT", "VECTOR_SEARCH_SCALAR"})
    void exactSearch_smallN_recallIsOne(BenchmarkSuite suite) {
        BenchmarkReport report = run(new BenchmarkSpec(suite, 1000, 128, 10, 30, 42), BenchmarkTargets.vectorsOnly());

        assertThat(report.recallAtK()).isEqualTo(1.0);
        assertThat(report.operations()).isEqualTo(30);
        assertThat(report.cancelled()).isFalse();
        assertThat(report.p50Micros()).isPositive().isLessThanOrEqualTo(report.p95Micros());
        assertThat(report.p95Micros()).isLessThanOrEqualTo(report.p99Micros()).isLessThanOrEqualTo(report.maxMicros());
        assertThat(report.opsPerSecond()).isPositive();
        assertThat(report.histogram().total()).isEqualTo(30);
        assertThat(report.seed()).isEqualTo(42);
        assertThat(report.machine().cores()).isPositive();
    }

    @Test
    void searchWarmup_keepsWarmingUpForTheGivenTimeAndSaysHowMuch() {
        BenchmarkSpec spec = new BenchmarkSpec(BenchmarkSuite.VECTOR_SEARCH_EXACT, 1000, 128, 10, 20, 5);
        BenchmarkRunner timed =
                new BenchmarkRunner(KernelProvider.kernel(), "kernel", clock, java.time.Duration.ofMillis(300));

        long started = System.nanoTime();
        BenchmarkReport warmed = timed.run(spec, BenchmarkTargets.vectorsOnly(), p -> {}, () -> false);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        BenchmarkReport counted = run(spec, BenchmarkTargets.vectorsOnly());

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
        assertThat(warmupQueries(counted)).isEqualTo(5); // the count-based minimum: max(5, queries / 10)
        assertThat(warmupQueries(warmed)).isGreaterThan(5);
        assertThat(warmed.operations()).isEqualTo(20);
    }

    private static int warmupQueries(BenchmarkReport report) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) untimed warm-up queries")
                .matcher(report.note());
        assertThat(m.find()).as(report.note()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void scalarSuite_reportsScalarKernel() {
        BenchmarkReport report = run(
                new BenchmarkSpec(BenchmarkSuite.VECTOR_SEARCH_SCALAR, 1000, 128, 5, 10, 1),
                BenchmarkTargets.vectorsOnly());

        assertThat(report.machine().kernel()).isEqualTo(new ScalarKernel().name());
    }

    @Test
    void quantizedSearch_recallIsHighButMeasured() {
        BenchmarkReport report = run(
                new BenchmarkSpec(BenchmarkSuite.VECTOR_SEARCH_QUANTIZED, 2000, 128, 10, 20, 3),
                BenchmarkTargets.vectorsOnly());

        assertThat(report.recallAtK()).isBetween(0.8, 1.0);
        assertThat(report.note()).contains("int8");
    }

    @Test
    void sameSeed_sameRecall() {
        BenchmarkSpec spec = new BenchmarkSpec(BenchmarkSuite.VECTOR_SEARCH_QUANTIZED, 1000, 256, 20, 10, 9);

        assertThat(run(spec, BenchmarkTargets.vectorsOnly()).recallAtK())
                .isEqualTo(run(spec, BenchmarkTargets.vectorsOnly()).recallAtK());
    }

    @Test
    void inserts_timesEveryPut_noRecall() {
        BenchmarkReport report =
                run(new BenchmarkSpec(BenchmarkSuite.INSERTS, 1000, 128, 10, 10, 1), BenchmarkTargets.vectorsOnly());

        assertThat(report.operations()).isEqualTo(1000);
        assertThat(report.recallAtK()).isNull();
    }

    @Test
    void cancel_midRun_stopsEarlyAndMarksReport() {
        AtomicInteger progressCalls = new AtomicInteger();
        List<Integer> progress = new ArrayList<>();
        BenchmarkSpec spec = new BenchmarkSpec(BenchmarkSuite.VECTOR_SEARCH_EXACT, 1000, 128, 10, 2000, 5);

        BenchmarkReport report = runner.run(
                spec,
                BenchmarkTargets.vectorsOnly(),
                p -> {
                    progress.add(p);
                    progressCalls.incrementAndGet();
                },
                () -> !progress.isEmpty() && progress.get(progress.size() - 1) >= 60);

        assertThat(report.cancelled()).isTrue();
        assertThat(report.operations()).isPositive().isLessThan(2000);
        assertThat(report.recallAtK()).isNull();
        assertThat(progress).doesNotContain(100).isSorted();
    }

    @Test
    void cancel_beforeStart_returnsEmptyCancelledReport() {
        BenchmarkReport report = runner.run(
                new BenchmarkSpec(BenchmarkSuite.VECTOR_SEARCH_EXACT, 200_000, 128, 10, 10, 5),
                BenchmarkTargets.vectorsOnly(),
                p -> {},
                () -> true);

        assertThat(report.cancelled()).isTrue();
        assertThat(report.operations()).isZero();
    }

    @Test
    void textSuites_callTheInjectedFunction() {
        AtomicInteger calls = new AtomicInteger();
        BenchmarkTargets targets = new BenchmarkTargets(
                "fake", t -> calls.incrementAndGet(), t -> t.length(), (t, k) -> t, null, "no api");

        BenchmarkReport report = run(new BenchmarkSpec(BenchmarkSuite.EMBEDDING, 1000, 128, 10, 25, 1), targets);

        assertThat(report.operations()).isEqualTo(25);
        assertThat(calls).hasValue(25 + 10);
        assertThat(report.machine().embedder()).isEqualTo("fake");
        assertThat(run(new BenchmarkSpec(BenchmarkSuite.CACHE_EFFECT, 1000, 128, 10, 12, 1), targets)
                        .note())
                .contains("cache hits");
    }

    @Test
    void missingTarget_failsWithDegradedReason() {
        assertThatThrownBy(() -> run(
                        new BenchmarkSpec(BenchmarkSuite.SAFETY, 1000, 128, 10, 10, 1), BenchmarkTargets.vectorsOnly()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Degraded: no application targets were given");
    }

    @Test
    void api_callsCappedByBudget_andStopsOn429() {
        AtomicInteger calls = new AtomicInteger();
        BenchmarkTargets capped = new BenchmarkTargets(
                "fake",
                null,
                null,
                null,
                new BenchmarkTargets.ApiProbe((t, k) -> calls.incrementAndGet() > 0 ? 200 : 500, 12, "fake api"),
                "");

        BenchmarkReport report = run(new BenchmarkSpec(BenchmarkSuite.API_LATENCY, 1000, 128, 10, 100, 1), capped);

        assertThat(calls).hasValue(12);
        assertThat(report.operations()).isEqualTo(10);
        assertThat(report.note()).contains("fake api").contains("10 timed calls of 100 requested");

        AtomicInteger limited = new AtomicInteger();
        BenchmarkTargets throttled = new BenchmarkTargets(
                "fake",
                null,
                null,
                null,
                new BenchmarkTargets.ApiProbe((t, k) -> limited.incrementAndGet() > 5 ? 429 : 200, 30, "fake"),
                "");
        BenchmarkReport stopped = run(new BenchmarkSpec(BenchmarkSuite.API_LATENCY, 1000, 128, 10, 20, 1), throttled);
        assertThat(stopped.operations()).isEqualTo(3);
        assertThat(stopped.note()).contains("429");
    }
}
