package io.safla.benchmark.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.safla.benchmark.BenchmarkReport;
import io.safla.benchmark.BenchmarkRunner;
import io.safla.benchmark.BenchmarkSpec;
import io.safla.benchmark.BenchmarkSuite;
import io.safla.benchmark.BenchmarkTargets;
import io.safla.benchmark.ReportExport;
import io.safla.config.RateLimitProperties;
import io.safla.embedding.CachingEmbedder;
import io.safla.embedding.Embedder;
import io.safla.embedding.EmbedderFactory;
import io.safla.embedding.service.ActiveEmbedder;
import io.safla.memory.SearchRequest;
import io.safla.memory.service.MemoryService;
import io.safla.memory.vector.KernelProvider;
import io.safla.safety.service.SafetyService;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs visitors' benchmarks on one background thread (see {@link BenchmarkQueue} for the limits), keeps a shared
 * history of the last reports and exports it. Counts runs per suite and outcome in {@code safla.benchmark.runs}.
 */
@Service
public class BenchmarkService {

    private final BenchmarkProperties properties;
    private final MemoryService memory;
    private final SafetyService safety;
    private final RateLimitProperties rateLimit;
    private final Environment environment;
    private final MeterRegistry registry;
    private final ObjectMapper json;
    private final BenchmarkRunner runner;
    private final BenchmarkQueue queue;
    private final Deque<BenchmarkReport> history = new ArrayDeque<>();
    private final List<Consumer<List<BenchmarkReport>>> historyListeners = new CopyOnWriteArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ActiveEmbedder embedders;

    BenchmarkService(
            BenchmarkProperties properties,
            MemoryService memory,
            ActiveEmbedder embedders,
            SafetyService safety,
            RateLimitProperties rateLimit,
            Environment environment,
            MeterRegistry registry,
            ObjectMapper json,
            Clock clock) {
        this.properties = properties;
        this.memory = memory;
        this.embedders = embedders;
        this.safety = safety;
        this.rateLimit = rateLimit;
        this.environment = environment;
        this.registry = registry;
        this.json = json;
        this.runner = new BenchmarkRunner(
                KernelProvider.kernel(), KernelProvider.describe(), clock, properties.searchWarmup());
        this.queue = new BenchmarkQueue(properties.maxWaiting(), this::remember);
    }

    public BenchmarkProperties defaults() {
        return properties;
    }

    /** Why the suite cannot run now, if it cannot ("Degraded: ..."). */
    public Optional<String> degradedReason(BenchmarkSuite suite) {
        if (suite.needsMemoryEngine() && !memory.ready()) {
            return Optional.of("Degraded: " + memory.stateReason());
        }
        return Optional.empty();
    }

    /**
     * Queues {@code spec} for {@code visitor}; returns its queue position (0 = running). Throws
     * {@link BenchmarkRefusedException} when the visitor already has a run, the queue is full or the suite is
     * degraded.
     */
    public int submit(String visitor, BenchmarkSpec spec, BenchmarkListener listener) {
        degradedReason(spec.suite()).ifPresent(reason -> {
            throw new BenchmarkRefusedException(reason);
        });
        String description = spec.suite().name() + " n=" + spec.n() + " dim=" + spec.dimension();
        try {
            return queue.submit(
                    visitor,
                    description,
                    (progress, cancelled) -> {
                        try {
                            BenchmarkReport report = runner.run(spec, targets(), progress, cancelled);
                            count(spec.suite(), report.cancelled() ? "cancelled" : "completed");
                            return report;
                        } catch (RuntimeException | OutOfMemoryError e) {
                            count(spec.suite(), "failed");
                            throw e;
                        }
                    },
                    listener);
        } catch (BenchmarkRefusedException e) {
            count(spec.suite(), "refused");
            throw e;
        }
    }

    /** Cancels the visitor's waiting or running benchmark; false if it has none. */
    public boolean cancel(String visitor) {
        return queue.cancel(visitor);
    }

    /** The visitor's queue position (0 = running), if it has a run. */
    public OptionalInt position(String visitor) {
        return queue.position(visitor);
    }

    /** Sends the visitor's current run's events to {@code listener}; returns its position if it has a run. */
    public OptionalInt watch(String visitor, BenchmarkListener listener) {
        return queue.watch(visitor, listener);
    }

    /** Runs waiting or running, without visitor ids. */
    public List<String> queueDescriptions() {
        return queue.entries().stream()
                .map(e -> (e.position() == 0 ? "running: " : "#" + e.position() + ": ") + e.description())
                .toList();
    }

    /** Finished reports, oldest first. */
    public synchronized List<BenchmarkReport> history() {
        return List.copyOf(history);
    }

    /** Called with the new history after every finished run; remove with the returned handle. */
    public Runnable onHistoryChange(Consumer<List<BenchmarkReport>> listener) {
        historyListeners.add(listener);
        return () -> historyListeners.remove(listener);
    }

    public String historyCsv() {
        return ReportExport.csv(history());
    }

    public byte[] historyJson() {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("reports", history()));
    }

    private void remember(BenchmarkReport report) {
        if (report.operations() == 0) {
            return;
        }
        List<BenchmarkReport> snapshot;
        synchronized (this) {
            history.addLast(report);
            while (history.size() > properties.historySize()) {
                history.removeFirst();
            }
            snapshot = List.copyOf(history);
        }
        historyListeners.forEach(l -> l.accept(snapshot));
    }

    private void count(BenchmarkSuite suite, String outcome) {
        Counter.builder("safla.benchmark.runs")
                .description("Benchmark runs by suite and outcome")
                .tag("suite", suite.name())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    private BenchmarkTargets targets() {
        if (!memory.ready()) {
            return new BenchmarkTargets(
                    "not loaded",
                    null,
                    text -> safety.validate(text, null, null, List.of(), "benchmark"),
                    null,
                    null,
                    memory.stateReason());
        }
        EmbedderFactory.Selection selection = embedders.current();
        Embedder embedder = memory.engine().embedder();
        Embedder raw = embedder instanceof CachingEmbedder caching ? caching.delegate() : embedder;
        String embedderName = selection != null ? selection.describe() : raw.name();
        return new BenchmarkTargets(
                embedderName,
                raw::embed,
                text -> safety.validate(text, null, null, List.of(), "benchmark"),
                (text, k) -> memory.search(SearchRequest.of(text, k)),
                apiProbe(),
                "");
    }

    /**
     * Over HTTP to this server's own API when a port is open. The API allows RATE_LIMIT_PER_MINUTE calls per client
     * address, and 127.0.0.1 is shared with every other local caller, so a run makes at most half of that.
     * Without a port (a test context) the engine's search is timed in-process, and the label says so.
     */
    private BenchmarkTargets.ApiProbe apiProbe() {
        String port = environment.getProperty("local.server.port");
        if (port == null || port.isBlank() || "-1".equals(port)) {
            return new BenchmarkTargets.ApiProbe(
                    (text, k) -> {
                        memory.engine().search(SearchRequest.of(text, k));
                        return 200;
                    },
                    BenchmarkSpec.MAX_QUERIES + 2,
                    "IN-PROCESS, not HTTP: no server port is open, so MemoryEngine.search"
                            + " is timed directly (no HTTP, filters or JSON); uncached queries");
        }
        int budget = Math.max(1, rateLimit.perMinute() / 2);
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/memory/search");
        return new BenchmarkTargets.ApiProbe(
                (text, k) -> post(uri, text, k),
                budget,
                "HTTP POST " + uri
                        + ", uncached queries; at most " + budget + " calls a run (warm-up included): half of"
                        + " RATE_LIMIT_PER_MINUTE=" + rateLimit.perMinute() + ", which applies per client address");
    }

    private int post(URI uri, String text, int k) {
        try {
            String body = json.writeValueAsString(Map.of("query", text, "k", k));
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the API call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @PreDestroy
    void close() {
        queue.close();
    }
}
