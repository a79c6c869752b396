package io.safla.memory.service;

import io.safla.config.AppProperties;
import io.safla.config.MemoryProperties;
import io.safla.config.PerformanceProperties;
import io.safla.embedding.CachingEmbedder;
import io.safla.embedding.EmbedderFactory;
import io.safla.embedding.service.ActiveEmbedder;
import io.safla.memory.MemoryEngine;
import io.safla.memory.MemoryItem;
import io.safla.memory.MemoryRules;
import io.safla.memory.MemoryStats;
import io.safla.memory.NewMemory;
import io.safla.memory.Origin;
import io.safla.memory.SearchRequest;
import io.safla.memory.SearchResult;
import io.safla.memory.StorageUnavailableException;
import io.safla.memory.persistence.DurableLog;
import io.safla.memory.persistence.SyncPolicy;
import io.safla.memory.vector.EvictionPolicy;
import io.safla.memory.vector.KernelProvider;
import io.safla.monitor.ClearableCache;
import io.safla.monitor.DataDirProbe;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Owns the memory engine: loads it in the background once the app is up (so the page answers at once and the
 * health panel shows LOADING), seeds the demo corpus on a first start, warms the search cache with the seed's
 * common queries, and snapshots on shutdown. Callers get the engine or a clear reason why it is unavailable.
 */
@Service
public class MemoryService implements ClearableCache {

    private static final Logger log = LoggerFactory.getLogger(MemoryService.class);
    /** The seed's preloaded queries. */
    public static final List<String> COMMON_QUERIES =
            List.of("artificial intelligence", "machine learning", "neural networks", "deep learning");

    public enum State {
        LOADING,
        READY,
        FAILED
    }

    private final AppProperties app;
    private final MemoryProperties memory;
    private final PerformanceProperties performance;
    private final List<DemoSeeder> seeders;
    private final Clock clock;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "memory-engine-loader");
        t.setDaemon(true);
        return t;
    });
    private volatile State state = State.LOADING;
    private volatile String stateReason = "the engine is loading";
    private volatile @Nullable MemoryEngine engine;
    private volatile long loadMillis;

    private final ActiveEmbedder embedders;
    private final WritePolicy policy;
    private final DataDirProbe dataDir;

    MemoryService(
            AppProperties app,
            MemoryProperties memory,
            PerformanceProperties performance,
            ActiveEmbedder embedders,
            List<DemoSeeder> seeders,
            WritePolicy policy,
            Clock clock,
            DataDirProbe dataDir) {
        this.app = app;
        this.policy = policy;
        this.dataDir = dataDir;
        this.embedders = embedders;
        this.memory = memory;
        this.performance = performance;
        this.seeders = List.copyOf(seeders);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadInBackground() {
        loader.submit(this::load);
    }

    /** Loads synchronously; for tests and for the background loader. */
    public synchronized void load() {
        if (engine != null) {
            return;
        }
        long start = System.nanoTime();
        try {
            EmbedderFactory.Selection selection =
                    embedders.select(memory.vector().dimensions(), 1000);
            embedders.activate(selection);
            Path dir = app.dataDir().resolve("memory");
            DurableLog durable = DurableLog.open(dir, SyncPolicy.EVERY_WRITE, clock);
            MemoryEngine loaded = new MemoryEngine(
                    new MemoryEngine.Config(
                            memory.vector().maxSize(),
                            EvictionPolicy.LRU,
                            performance.cacheSize(),
                            performance.cacheTimeout(),
                            500,
                            Math.max(1, Runtime.getRuntime().availableProcessors())),
                    selection.embedder(),
                    KernelProvider.kernel(),
                    durable,
                    clock);
            loaded.setEmbedBatchSize(performance.batchSize());
            loaded.setVisitorShare(memory.vector().visitorShare());
            for (String damage : loaded.recoveryReport().damage()) {
                log.error("MEMORY DATA DAMAGE found at start (see docs/monitoring.md): {}", damage);
            }
            log.info(
                    "Memory engine: {} items recovered from {} ({}); embedder {}; kernel {}",
                    loaded.size(),
                    dir,
                    loaded.recoveryReport().clean()
                            ? "clean"
                            : String.join("; ", loaded.recoveryReport().problems()),
                    selection.describe(),
                    KernelProvider.describe());
            boolean firstStart = loaded.size() == 0 && durable.lastSequence() == 0;
            if (firstStart) {
                for (DemoSeeder seeder : seeders) {
                    int added = seeder.seed(loaded);
                    log.info(
                            "Seeded {} demo items ({})",
                            added,
                            seeder.getClass().getSimpleName());
                }
            }
            for (String query : COMMON_QUERIES) {
                loaded.search(SearchRequest.of(query, 10));
            }
            engine = loaded;
            loadMillis = (System.nanoTime() - start) / 1_000_000;
            state = State.READY;
            stateReason = loaded.size() + " items, loaded in " + loadMillis + " ms";
        } catch (Exception | LinkageError e) {
            state = State.FAILED;
            stateReason = "the memory engine failed to load: " + e.getMessage();
            log.error("Memory engine failed to load", e);
        }
    }

    /**
     * Memory's part of the engine settings.
     *
     * @param dimension embedding dimension; a change re-embeds every stored memory with the embedder for it
     */
    public record Tuning(
            int capacity, int cacheSize, Duration cacheTtl, int searchThreads, int batchSize, int dimension) {}

    /**
     * Applies memory's settings to the running engine: the batch size first (so a re-embedding already uses it),
     * then a re-embedding when the dimension changes (progress in percent), then capacity, cache and threads.
     */
    public void apply(Tuning next, IntConsumer reembedProgress) {
        MemoryEngine current = engine();
        current.setEmbedBatchSize(next.batchSize());
        if (next.dimension() != current.embedder().dimension()) {
            EmbedderFactory.Selection selection = embedders.select(next.dimension(), 1000);
            current.reembed(selection.embedder(), reembedProgress);
            embedders.activate(selection);
        }
        MemoryEngine.Config config = current.config();
        current.reconfigure(new MemoryEngine.Config(
                next.capacity(),
                config.eviction(),
                next.cacheSize(),
                next.cacheTtl(),
                config.snapshotEvery(),
                next.searchThreads()));
    }

    public State state() {
        return state;
    }

    public String stateReason() {
        return stateReason;
    }

    /** Throws {@link EngineUnavailableException}, saying why, unless the engine is loaded. */
    public void requireLoaded() {
        engine();
    }

    /** The engine, or an exception whose message says why it is not available. */
    public MemoryEngine engine() {
        MemoryEngine current = engine;
        if (current == null) {
            throw new EngineUnavailableException(
                    state == State.FAILED
                            ? stateReason
                            : "The memory engine is still loading; try again in a few seconds.");
        }
        return current;
    }

    // --- memory's API for the adapters: each call goes to the loaded engine, or throws EngineUnavailableException

    /** The longest text one memory may hold. */
    public static final int MAX_TEXT_LENGTH = MemoryEngine.MAX_TEXT_LENGTH;

    /**
     * Stores a new memory owned by {@code by} and returns it as stored (with its id and time). The memory must meet
     * {@link MemoryRules} ({@link InvalidMemoryException} otherwise), and reusing an existing id (an overwrite)
     * needs the operator ({@link OperatorRequiredException}).
     */
    public MemoryItem add(NewMemory memory, Origin by) {
        List<MemoryRules.Problem> problems = MemoryRules.check(memory);
        if (!problems.isEmpty()) {
            throw new InvalidMemoryException(problems);
        }
        if (memory.id() != null && engine().get(memory.id()).isPresent()) {
            policy.requireOperator(by, "Replacing an existing memory (id " + memory.id() + ")");
        }
        return write(e -> e.add(memory, by));
    }

    /**
     * The engine, for a write: refuses with {@link StorageUnavailableException} while the data directory is full or
     * unwritable (reads keep working), and retries a failed snapshot once the directory takes writes again.
     */
    private MemoryEngine writable() {
        MemoryEngine current = engine();
        DataDirProbe.Reading reading = dataDir.current();
        if (!reading.writable()) {
            throw new StorageUnavailableException(
                    reading.state() == DataDirProbe.State.FULL
                            ? StorageUnavailableException.Reason.FULL
                            : StorageUnavailableException.Reason.UNWRITABLE,
                    "Writes are refused: " + reading.reason() + ". Reads keep working; writes resume by themselves"
                            + " once the data directory has space and is writable again.");
        }
        if (current.snapshotProblem().isPresent() && current.retrySnapshotIfPending()) {
            log.info("Memory snapshot retried and written; the data directory takes writes again");
        }
        return current;
    }

    /** Runs a write; a storage failure marks the data directory bad at once, so the next writes are refused early. */
    private <T> T write(java.util.function.Function<MemoryEngine, T> action) {
        MemoryEngine current = writable();
        try {
            T result = action.apply(current);
            current.snapshotProblem()
                    .ifPresent(p -> log.warn(
                            "Memory snapshot failed (the write is stored in the log; retried later): {}", p.message()));
            return result;
        } catch (StorageUnavailableException e) {
            dataDir.markFailed(e.reason() == StorageUnavailableException.Reason.FULL, e.getMessage());
            log.warn("Memory write refused: {}", e.getMessage());
            throw e;
        }
    }

    /** The data directory's latest reading, for health. */
    public DataDirProbe.Reading dataDir() {
        return dataDir.current();
    }

    public Optional<MemoryItem> get(String id) {
        return engine().get(id);
    }

    /** Deletes one memory; false when there was none with that id. Needs the operator on a public deployment. */
    public boolean delete(String id, Origin by) {
        policy.requireOperator(by, "Deleting a memory");
        return write(e -> e.delete(id));
    }

    /** Deletes the memories with these ids and returns how many existed. Needs the operator on a public deployment. */
    public int deleteAll(List<String> ids, Origin by) {
        policy.requireOperator(by, "Deleting memories");
        return write(e -> e.deleteAll(ids));
    }

    /** Cosine top-k of the request's query, with latency and cache figures. */
    public SearchResult search(SearchRequest request) {
        return engine().search(request);
    }

    /** The memories nearest to a stored one, shaped (k, threshold, filters) like the request. */
    public SearchResult similarTo(String id, SearchRequest shape) {
        return engine().similarTo(id, shape);
    }

    /** The stored memories that match the filter, newest first. */
    public List<MemoryItem> list(Predicate<MemoryItem> filter) {
        return engine().list(filter);
    }

    public int size() {
        return engine().size();
    }

    public MemoryStats stats() {
        return engine().stats();
    }

    public byte[] exportJson() {
        return engine().exportJson();
    }

    public String exportCsv() {
        return engine().exportCsv();
    }

    /**
     * Checks an export file without applying it: at most {@link WritePolicy#MAX_IMPORT_BYTES}
     * ({@link ImportTooLargeException}), and every item meeting {@link MemoryRules}. Importing needs the operator on
     * a public deployment ({@link OperatorRequiredException}), so the check does too.
     */
    public MemoryEngine.ImportReport validateImport(byte[] json, Origin by) {
        requireImportable(json, by);
        return engine().validateImport(json);
    }

    /** Applies an export file whole, or nothing of it when any item is invalid; the rules of {@link #validateImport}. */
    public MemoryEngine.ImportReport importJson(byte[] json, Origin by) {
        requireImportable(json, by);
        return write(e -> e.importJson(json, by));
    }

    private void requireImportable(byte[] json, Origin by) {
        // an import replaces items by id and can fill the whole capacity: the operator's, on a public deployment
        policy.requireOperator(by, "Importing memories");
        if (json.length > WritePolicy.MAX_IMPORT_BYTES) {
            throw new ImportTooLargeException("The import file is " + json.length + " bytes; at most "
                    + WritePolicy.MAX_IMPORT_BYTES + " bytes are accepted.");
        }
    }

    public boolean ready() {
        return engine != null;
    }

    @Override
    public String cacheName() {
        return "memory-search-and-embeddings";
    }

    @Override
    public long clearAll() {
        MemoryEngine current = engine;
        if (current == null) {
            return 0;
        }
        long dropped = current.clearSearchCache();
        if (current.embedder() instanceof CachingEmbedder caching) {
            dropped += caching.clear();
        }
        return dropped;
    }

    @PreDestroy
    void close() throws Exception {
        loader.shutdownNow();
        MemoryEngine current = engine;
        if (current != null) {
            current.close();
        }
    }
}
