package io.safla.benchmark.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.safla.benchmark.BenchmarkReport;
import io.safla.benchmark.BenchmarkSpec;
import io.safla.benchmark.BenchmarkSuite;
import io.safla.memory.service.MemoryService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The service against a real port: the API suite over HTTP within the rate limit, metrics, exports, limits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BenchmarkServiceTest {

    @Autowired
    BenchmarkService benchmarks;

    @Autowired
    MemoryService memory;

    @Autowired
    MeterRegistry registry;

    private static final class Result implements BenchmarkListener {
        final CompletableFuture<BenchmarkReport> report = new CompletableFuture<>();
        final CompletableFuture<Void> started = new CompletableFuture<>();

        @Override
        public void onStarted() {
            started.complete(null);
        }

        @Override
        public void onFinished(BenchmarkReport finished) {
            report.complete(finished);
        }

        @Override
        public void onFailed(String message) {
            report.completeExceptionally(new AssertionError(message));
        }
    }

    @Test
    void apiLatency_overHttp_cappedAtHalfTheRateLimit_countedAndExported() throws Exception {
        memory.load();
        Result result = new Result();

        benchmarks.submit("visitor-api", new BenchmarkSpec(BenchmarkSuite.API_LATENCY, 1000, 128, 3, 100, 11), result);
        BenchmarkReport report = result.report.get(60, TimeUnit.SECONDS);

        assertThat(report.cancelled()).isFalse();
        assertThat(report.operations()).isEqualTo(28);
        assertThat(report.note())
                .startsWith("HTTP POST http://127.0.0.1:")
                .contains("RATE_LIMIT_PER_MINUTE=60")
                .contains("28 timed calls of 100 requested");
        assertThat(registry.get("safla.benchmark.runs")
                        .tag("suite", "API_LATENCY")
                        .tag("outcome", "completed")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(benchmarks.historyJson());
        JsonNode last = json.get("reports").get(json.get("reports").size() - 1);
        assertThat(last.get("spec").get("suite").asString()).isEqualTo("API_LATENCY");
        assertThat(last.get("started").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(benchmarks.historyCsv()).contains(report.id() + ",");
    }

    @Test
    void visitorWithRunningBenchmark_secondSubmitRefused_cancelStops() throws Exception {
        Result first = new Result();
        benchmarks.submit(
                "visitor-twice",
                new BenchmarkSpec(BenchmarkSuite.VECTOR_SEARCH_EXACT, 200_000, 128, 10, 300, 1),
                first);

        assertThatThrownBy(() -> benchmarks.submit(
                        "visitor-twice", BenchmarkSpec.defaults(BenchmarkSuite.INSERTS, 1), new Result()))
                .isInstanceOf(BenchmarkRefusedException.class)
                .hasMessageStartingWith("You already have a benchmark");
        first.started.get(30, TimeUnit.SECONDS);
        assertThat(benchmarks.cancel("visitor-twice")).isTrue();
        assertThat(first.report.get(30, TimeUnit.SECONDS).cancelled()).isTrue();
        assertThat(benchmarks.position("visitor-twice")).isEmpty();
    }
}
