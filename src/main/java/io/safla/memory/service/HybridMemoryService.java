package io.safla.memory.service;

import io.safla.config.AppProperties;
import io.safla.config.MemoryProperties;
import io.safla.embedding.Embedder;
import io.safla.memory.MemoryEngine;
import io.safla.memory.MemoryItem;
import io.safla.memory.SafeText;
import io.safla.memory.WritesFrozenException;
import io.safla.memory.corpus.DemoCorpus;
import io.safla.memory.episodic.Episode;
import io.safla.memory.episodic.EpisodeKind;
import io.safla.memory.episodic.EpisodePage;
import io.safla.memory.episodic.EpisodeQuery;
import io.safla.memory.episodic.TimelineBucket;
import io.safla.memory.hybrid.HybridMemory;
import io.safla.memory.hybrid.HybridState;
import io.safla.memory.hybrid.HybridStateCodec;
import io.safla.memory.map.Pca;
import io.safla.memory.semantic.Concept;
import io.safla.memory.semantic.Subgraph;
import io.safla.memory.working.AttendedItem;
import jakarta.annotation.PreDestroy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The shared episodic, semantic and working memory, persisted in {@code <data>/memory-hybrid/hybrid-state.json}
 * (see {@link HybridStateCodec} for the format), sized by the {@code safla.memory.episodic|semantic|working}
 * settings when it is first seeded (a saved store keeps the sizes it was created with). Loads in the background
 * after the memory engine (whose embedder
 * consolidation needs), seeds itself from the demo corpus when the file does not exist yet, and writes the file
 * after every change. A file that exists but cannot be read is left untouched and reported as the failure
 * reason: reseeding over it would silently destroy what visitors stored.
 */
@Service
public class HybridMemoryService {

    private static final Logger log = LoggerFactory.getLogger(HybridMemoryService.class);
    static final String FILE = "hybrid-state.json";
    /** Points the memory map draws at most; beyond it the browser's scatter stops being readable. */
    public static final int MAP_CAP = 500;
    /** Concepts a graph neighbourhood shows at most. */
    public static final int GRAPH_CAP = 60;

    private final MemoryService memory;
    private final Clock clock;
    private final Path file;
    private final HybridMemory.Limits limits;
    private final Duration retention;
    private final Object writeLock = new Object();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hybrid-memory-loader");
        t.setDaemon(true);
        return t;
    });
    private volatile MemoryService.State state = MemoryService.State.LOADING;
    private volatile String stateReason = "waiting for the memory engine";
    private volatile @Nullable HybridMemory hybrid;

    HybridMemoryService(AppProperties app, MemoryProperties sizes, MemoryService memory, Clock clock) {
        this.memory = memory;
        this.clock = clock;
        this.file = app.dataDir().resolve("memory-hybrid").resolve(FILE);
        this.limits = new HybridMemory.Limits(
                sizes.episodic().maxEpisodes(),
                sizes.semantic().maxNodes(),
                sizes.semantic().maxEdges(),
                sizes.working().capacity(),
                sizes.working().attentionThreshold(),
                HybridMemory.Limits.WORKING_HALF_LIFE);
        this.retention = Duration.ofDays(sizes.episodic().retentionDays());
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadInBackground() {
        loader.submit(this::load);
    }

    /** Loads synchronously once the engine is ready; for tests and for the background loader. */
    public void load() {
        memory.load();
        synchronized (writeLock) {
            if (hybrid != null) {
                return;
            }
            if (!memory.ready()) {
                state = MemoryService.State.FAILED;
                stateReason = "needs the memory engine, which is unavailable: " + memory.stateReason();
                return;
            }
            try {
                HybridMemory loaded;
                if (Files.exists(file)) {
                    loaded = HybridMemory.restore(HybridStateCodec.read(file), clock);
                    log.info("Hybrid memory loaded from {}", file);
                } else {
                    loaded = HybridMemory.seed(DemoCorpus.load(), limits, retention, clock);
                    HybridStateCodec.write(file, loaded.state());
                    log.info("Hybrid memory seeded from the demo corpus into {}", file);
                }
                hybrid = loaded;
                state = MemoryService.State.READY;
                stateReason = describe(loaded);
            } catch (Exception e) {
                state = MemoryService.State.FAILED;
                stateReason =
                        "the hybrid memory in " + file + " could not be loaded (left untouched): " + e.getMessage();
                log.error("Hybrid memory failed to load", e);
            }
        }
    }

    public MemoryService.State state() {
        return state;
    }

    public String stateReason() {
        return state == MemoryService.State.READY && hybrid != null ? describe(hybrid) : stateReason;
    }

    public boolean ready() {
        return hybrid != null;
    }

    public Path file() {
        return file;
    }

    /** The store, or an exception whose message says why it is not available. */
    public HybridMemory memory() {
        HybridMemory current = hybrid;
        if (current == null) {
            throw new EngineUnavailableException(
                    state == MemoryService.State.FAILED
                            ? "Degraded: " + stateReason
                            : "The hybrid memory is still loading (" + stateReason + ").");
        }
        return current;
    }

    /**
     * Runs a change under the write lock and saves the result before returning it. Refused during an emergency
     * stop, like every other memory write.
     */
    public <T> T change(Function<HybridMemory, T> work) {
        synchronized (writeLock) {
            HybridMemory current = memory();
            memory.engine().frozen().ifPresent(f -> {
                throw new WritesFrozenException(
                        "Writes are frozen by an emergency stop since " + f.since() + ": " + f.reason());
            });
            T result = work.apply(current);
            HybridStateCodec.write(file, current.state());
            return result;
        }
    }

    /** The whole state in the file encoding, for checkpoints. */
    public byte[] exportState() {
        return HybridStateCodec.encode(memory().state());
    }

    /** Replaces the whole state with one from {@link #exportState()} (a rollback; allowed during a stop). */
    public HybridState restoreState(byte[] bytes) {
        HybridState decoded = HybridStateCodec.decode(bytes);
        synchronized (writeLock) {
            HybridMemory current = memory();
            current.replace(decoded);
            HybridStateCodec.write(file, current.state());
            return current.state();
        }
    }

    /** Longest text a visitor may bring into focus, as in the add form. */
    public static final int MAX_FOCUS_LENGTH = 1000;

    /**
     * Brings a text into the shared working memory; returns the item id. The text is shown to every visitor, so
     * it must pass the seed's input rule for stored text ({@link SafeText}).
     */
    public String focus(String text, double attention) {
        if (text == null || text.isBlank() || text.strip().length() > MAX_FOCUS_LENGTH) {
            throw new IllegalArgumentException("text must be 1 to " + MAX_FOCUS_LENGTH + " characters");
        }
        if (!new SafeText.Validator().isValid(text, null)) {
            throw new IllegalArgumentException("text contains potentially dangerous content (script, event handler,"
                    + " javascript: URL, eval or exec)");
        }
        if (!(attention >= 0 && attention <= 1)) {
            throw new IllegalArgumentException("attention must be between 0 and 1");
        }
        return change(h -> h.working().focus(text, attention));
    }

    /** Refreshes a working item's attention; returns the new attention. */
    public double touch(String id) {
        return change(h -> h.working().touch(id))
                .orElseThrow(() -> new IllegalArgumentException("no working item " + id));
    }

    public List<AttendedItem> context() {
        return memory().working().context();
    }

    /** How long a working item takes to lose half its attention without access. */
    public java.time.Duration workingHalfLife() {
        return memory().working().state().halfLife();
    }

    /** How many relations a concept takes part in (0 for an unknown id). */
    public int degree(String conceptId) {
        return memory().semantic().degree(conceptId);
    }

    /** One page of the episodes that match the query, newest first. */
    public EpisodePage episodes(EpisodeQuery query, int offset, int limit) {
        return memory().episodic().query(query, offset, limit);
    }

    /** Concepts by name, for choosing a graph centre. */
    public List<Concept> concepts() {
        return memory().semantic().concepts().stream()
                .sorted(Comparator.comparing(c -> c.name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    /** The concepts within {@code hops} (1–3) of a concept, at most {@link #GRAPH_CAP}. */
    public Subgraph neighbourhood(String conceptId, int hops) {
        if (hops < 1 || hops > 3) {
            throw new IllegalArgumentException("hops must be between 1 and 3");
        }
        if (memory().semantic().concept(conceptId).isEmpty()) {
            throw new IllegalArgumentException("no concept " + conceptId);
        }
        return memory().semantic().neighbourhood(conceptId, hops, GRAPH_CAP);
    }

    /** Which episodes by valence. */
    public enum Valence {
        ANY(v -> true),
        POSITIVE(v -> v > 0),
        NEGATIVE(v -> v < 0),
        NEUTRAL(v -> v == 0),
        STRONG(v -> Math.abs(v) >= 0.5);

        private final Predicate<Double> test;

        Valence(Predicate<Double> test) {
            this.test = test;
        }

        public boolean matches(double valence) {
            return test.test(valence);
        }
    }

    /**
     * @param buckets counts per kind per bucket of the matching episodes, oldest first
     * @param episodes the matching episodes, newest first
     */
    public record Timeline(List<TimelineBucket> buckets, List<Episode> episodes) {}

    /**
     * Episodes in {@code [from, to)} of the given kinds (empty = all) and valence, with counts per kind in
     * {@code buckets} equal windows.
     */
    public Timeline timeline(Instant from, Instant to, Set<EpisodeKind> kinds, Valence valence, int buckets) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the end of the time range must be after its start");
        }
        if (buckets < 1 || buckets > 200) {
            throw new IllegalArgumentException("buckets must be between 1 and 200");
        }
        EpisodeQuery query = new EpisodeQuery(from, to, kinds, 0);
        List<Episode> matching = memory().episodic().query(query, 0, Integer.MAX_VALUE).items().stream()
                .filter(e -> valence.matches(e.valence()))
                .toList();
        Duration width = Duration.between(from, to).dividedBy(buckets);
        if (width.isZero()) {
            width = Duration.ofNanos(1);
        }
        List<Map<EpisodeKind, Integer>> counts = new ArrayList<>();
        List<double[]> valenceSums = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            counts.add(new EnumMap<>(EpisodeKind.class));
            valenceSums.add(new double[1]);
        }
        for (Episode e : matching) {
            int i = (int)
                    Math.min(buckets - 1, Duration.between(from, e.occurredAt()).dividedBy(width));
            counts.get(i).merge(e.kind(), 1, Integer::sum);
            valenceSums.get(i)[0] += e.valence();
        }
        List<TimelineBucket> out = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            Instant start = from.plus(width.multipliedBy(i));
            Instant end = i == buckets - 1 ? to : start.plus(width);
            int total =
                    counts.get(i).values().stream().mapToInt(Integer::intValue).sum();
            out.add(new TimelineBucket(
                    start,
                    end,
                    counts.get(i),
                    total,
                    total == 0 ? 0 : valenceSums.get(i)[0] / total));
        }
        return new Timeline(out, matching);
    }

    /** One memory on the map. */
    public record MapPoint(
            String id,
            String text,
            String type,
            double x,
            double y,
            @Nullable Double score) {}

    /**
     * @param points at most {@link #MAP_CAP}, the most recently stored first
     * @param total memories in the engine
     * @param explained share of the variance each of the two axes explains
     */
    public record MemoryMap(List<MapPoint> points, int total, double[] explained) {}

    /**
     * Projects the engine's most recent memories (at most {@code cap}) on their first two principal axes; with a
     * query, each point also carries its cosine score against the query's embedding.
     */
    public MemoryMap map(@Nullable String query, int cap) {
        if (cap < 2 || cap > MAP_CAP) {
            throw new IllegalArgumentException("cap must be between 2 and " + MAP_CAP);
        }
        MemoryEngine engine = memory.engine();
        List<MemoryItem> items = new ArrayList<>(engine.list(i -> true));
        int total = items.size();
        items.sort(Comparator.comparing(MemoryItem::createdAt).reversed().thenComparing(MemoryItem::id));
        List<MemoryItem> kept = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (MemoryItem item : items) {
            if (kept.size() == cap) {
                break;
            }
            engine.vectorOf(item.id()).ifPresent(v -> {
                kept.add(item);
                vectors.add(v);
            });
        }
        if (kept.isEmpty()) {
            return new MemoryMap(List.of(), total, new double[] {0, 0});
        }
        float[] q = query == null || query.isBlank() ? null : engine.embedder().embed(query.strip());
        Pca.Result pca = Pca.project(vectors, Math.min(2, vectors.get(0).length));
        List<MapPoint> points = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            MemoryItem item = kept.get(i);
            double[] c = pca.coordinates()[i];
            points.add(new MapPoint(
                    item.id(),
                    item.text(),
                    item.type().name(),
                    c[0],
                    c.length > 1 ? c[1] : 0,
                    q == null ? null : Embedder.cosine(q, vectors.get(i))));
        }
        return new MemoryMap(points, total, new double[] {
            pca.explained(0), pca.variances().length > 1 ? pca.explained(1) : 0
        });
    }

    private static String describe(HybridMemory h) {
        return h.episodic().size() + " episodes, " + h.semantic().conceptCount() + " concepts, "
                + h.semantic().relationCount() + " relations, " + h.working().size() + " working items";
    }

    @PreDestroy
    void close() {
        loader.shutdownNow();
    }
}
