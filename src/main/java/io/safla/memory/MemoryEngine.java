package io.safla.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.safla.embedding.Embedder;
import io.safla.memory.persistence.DurableLog;
import io.safla.memory.persistence.LogAppendException;
import io.safla.memory.persistence.LogEntry;
import io.safla.memory.persistence.Recovery;
import io.safla.memory.persistence.RecoveryReport;
import io.safla.memory.vector.EvictionPolicy;
import io.safla.memory.vector.ItemMetadata;
import io.safla.memory.vector.SearchFilter;
import io.safla.memory.vector.SearchHit;
import io.safla.memory.vector.SearchQuery;
import io.safla.memory.vector.StoredItem;
import io.safla.memory.vector.VectorKernel;
import io.safla.memory.vector.VectorStore;
import io.safla.memory.vector.VectorStoreConfig;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The hybrid memory: every item of every type is embedded and kept in one {@link VectorStore} (type is a filter),
 * its text and metadata beside it, each write made durable in the {@link DurableLog} before it is acknowledged.
 *
 * <p>Implementation notes. One read-write lock orders writes against searches and snapshots, so a snapshot always
 * matches the log position it records. Search results are cached (Caffeine, size and TTL from the settings) under
 * the whole {@link SearchRequest}; any write clears the cache, which is simpler and safer than working out which
 * cached queries a new item would have changed. On start the engine replays the newest snapshot and the log after
 * it; a snapshot written by another embedder or dimension is re-embedded from its texts.
 */
public final class MemoryEngine implements AutoCloseable {

    /** Longest text accepted through the API (the interactive forms allow 1 000). */
    public static final int MAX_TEXT_LENGTH = 10_000;
    /** Texts per embedder call in bulk work until {@link #setEmbedBatchSize(int)} says otherwise. */
    static final int DEFAULT_EMBED_BATCH = 32;

    /**
     * @param capacity {@code SAFLA_MEMORY_SIZE}
     * @param eviction which item makes room when full
     * @param searchCacheSize entries kept in the search cache
     * @param searchCacheTtl {@code CACHE_TIMEOUT}
     * @param snapshotEvery write a snapshot after this many log entries
     * @param searchThreads threads for scanning large stores
     */
    public record Config(
            int capacity,
            EvictionPolicy eviction,
            int searchCacheSize,
            Duration searchCacheTtl,
            int snapshotEvery,
            int searchThreads) {

        public Config {
            if (capacity < 1 || searchCacheSize < 0 || snapshotEvery < 1 || searchThreads < 1) {
                throw new IllegalArgumentException("invalid engine config");
            }
        }
    }

    private volatile Config config;
    private final VectorKernel kernel;
    private final @Nullable DurableLog log;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, MemoryItem> items = new ConcurrentHashMap<>();
    private volatile Cache<SearchRequest, List<SearchResult.Hit>> searchCache;
    private final AtomicLong idCounter = new AtomicLong();
    private final AtomicLong version = new AtomicLong();
    private final RecoveryReport recoveryReport;
    private volatile Embedder embedder;
    private volatile VectorStore store;
    private volatile @Nullable Freeze freeze;
    private volatile int embedBatchSize = DEFAULT_EMBED_BATCH;
    private volatile double visitorShare = 1.0;
    private volatile @Nullable SnapshotProblem snapshotProblem;

    /** Why and since when writes are frozen. */
    public record Freeze(String reason, Instant since) {}

    /**
     * Builds the engine and recovers whatever {@code log} holds.
     *
     * @param log where writes are made durable; {@code null} keeps everything in memory (benchmarks, tests)
     */
    public MemoryEngine(Config config, Embedder embedder, VectorKernel kernel, @Nullable DurableLog log, Clock clock) {
        this.config = config;
        this.embedder = embedder;
        this.kernel = kernel;
        this.log = log;
        this.clock = clock;
        this.store = newStore(embedder.dimension());
        this.searchCache = Caffeine.newBuilder()
                .maximumSize(config.searchCacheSize())
                .expireAfterWrite(config.searchCacheTtl())
                .recordStats()
                .build();
        this.recoveryReport = log == null ? new RecoveryReport(0, 0, 0, List.of()) : recover(log.recovery());
    }

    private VectorStore newStore(int dimension) {
        return new VectorStore(
                new VectorStoreConfig(dimension, config.capacity(), config.eviction(), false, config.searchThreads()),
                kernel,
                clock);
    }

    public RecoveryReport recoveryReport() {
        return recoveryReport;
    }

    public Embedder embedder() {
        return embedder;
    }

    public int size() {
        return items.size();
    }

    public int embedBatchSize() {
        return embedBatchSize;
    }

    /**
     * Texts sent to the embedder per call by {@link #addAll}, {@link #reembed} and imports. A per-call knob rather
     * than part of {@link Config}: changing it rebuilds nothing and takes effect with the next bulk write.
     */
    public void setEmbedBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.embedBatchSize = batchSize;
    }

    public double visitorShare() {
        return visitorShare;
    }

    /**
     * The share of the capacity that visitors' items may fill, in [0, 1] (1, the default, bounds them only by the
     * capacity). A per-call knob like the batch size: it decides which item a new one evicts and changes no stored
     * item.
     */
    public void setVisitorShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("visitor share must be in [0, 1], got " + share);
        }
        this.visitorShare = share;
    }

    /** How many visitors' items may be stored at once: the visitor share of the capacity. */
    public int visitorCapacity() {
        return (int) Math.floor(visitorShare * config.capacity());
    }

    /** How many stored items visitors added. */
    public int visitorItems() {
        return (int) items.values().stream()
                .filter(i -> i.origin() == Origin.VISITOR)
                .count();
    }

    /** Embeds and stores one item as the operator's; returns it once it is durable. */
    public MemoryItem add(NewMemory memory) {
        return add(memory, Origin.OPERATOR);
    }

    /** Embeds and stores one item owned by {@code origin}; returns it once it is durable. */
    public MemoryItem add(NewMemory memory, Origin origin) {
        return addAll(List.of(memory), origin).get(0);
    }

    /**
     * Embeds in batches and stores all as the operator's, with a single sync; returns the stored items in order.
     * Every item is checked before anything changes; the items become visible only once the log holds them
     * durably.
     *
     * @throws StorageUnavailableException when the log append failed; nothing was applied
     */
    public List<MemoryItem> addAll(List<NewMemory> memories) {
        return addAll(memories, Origin.OPERATOR);
    }

    /**
     * Embeds in batches and stores all, owned by {@code origin}, with a single sync; returns the stored items in
     * order. Room is made by eviction: a visitor's new item evicts the least recently used visitor item once
     * visitors hold {@link #visitorCapacity()} items or the store is full, and never an operator's item (when the
     * store is full of those, a visitor's write is refused with {@link MemoryFullException}); an operator's new item
     * evicts the least recently used visitor item while there is one, and otherwise what the eviction policy picks.
     */
    public List<MemoryItem> addAll(List<NewMemory> memories, Origin origin) {
        requireWritable();
        List<MemoryItem> planned = new ArrayList<>(memories.size());
        Instant now = clock.instant();
        for (NewMemory m : memories) {
            validateText(m.text());
            validateTime(m.createdAt());
            planned.add(new MemoryItem(
                    m.id() != null ? m.id() : "pending",
                    m.text(),
                    m.type(),
                    m.tags(),
                    m.importance(),
                    m.createdAt() != null ? m.createdAt() : now,
                    m.metadata()));
        }
        List<float[]> vectors = new ArrayList<>(memories.size());
        int batch = embedBatchSize;
        for (int i = 0; i < memories.size(); i += batch) {
            List<String> texts = memories.subList(i, Math.min(memories.size(), i + batch)).stream()
                    .map(NewMemory::text)
                    .toList();
            vectors.addAll(embedder.embedAll(texts));
        }
        lock.writeLock().lock();
        try {
            if (origin == Origin.VISITOR) {
                requireRoomForVisitors(memories);
            }
            List<MemoryItem> stored = new ArrayList<>(memories.size());
            List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
            List<String> evictedIds = new ArrayList<>();
            int visitorsPending = 0;
            // the vector store decides what an insert evicts, so it is changed first and undone if the log fails;
            // searches wait for the write lock and lookups go through the item map, which changes only when durable
            Deque<Runnable> undo = new ArrayDeque<>();
            try {
                for (int i = 0; i < planned.size(); i++) {
                    MemoryItem p = planned.get(i);
                    String id = memories.get(i).id() != null ? p.id() : nextId();
                    MemoryItem item = new MemoryItem(
                            id, p.text(), p.type(), p.tags(), p.importance(), p.createdAt(), p.metadata(), origin);
                    Optional<StoredItem> before = store.peek(id);
                    if (before.isEmpty()) {
                        Optional<String> room = makeRoomFor(origin, visitorsPending);
                        if (room.isPresent()) {
                            String gone = room.get();
                            Optional<StoredItem> goneItem = store.peek(gone);
                            store.delete(gone);
                            undo.push(() -> goneItem.ifPresent(this::putBack));
                            entries.add(Map.entry("delete", MemoryCodec.encodeDelete(gone)));
                            evictedIds.add(gone);
                            visitorsPending--;
                        }
                    }
                    Optional<StoredItem> victim = before.isPresent()
                            ? Optional.empty()
                            : store.victimIfFull().flatMap(store::peek);
                    Optional<String> evicted = store.put(id, vectors.get(i), metadata(item));
                    undo.push(() -> {
                        store.delete(id);
                        before.ifPresent(this::putBack);
                        victim.ifPresent(this::putBack);
                    });
                    entries.add(Map.entry("put", MemoryCodec.encodePut(item, vectors.get(i))));
                    evicted.ifPresent(e -> {
                        entries.add(Map.entry("delete", MemoryCodec.encodeDelete(e)));
                        evictedIds.add(e);
                    });
                    if (origin == Origin.VISITOR && before.isEmpty()) {
                        visitorsPending++;
                    }
                    stored.add(item);
                }
                appendDurably(entries);
            } catch (RuntimeException e) {
                undo.forEach(Runnable::run);
                throw e;
            }
            for (MemoryItem item : stored) {
                items.put(item.id(), item);
            }
            evictedIds.forEach(id -> {
                if (!store.contains(id)) {
                    items.remove(id);
                }
            });
            searchCache.invalidateAll();
            version.incrementAndGet();
            maybeSnapshot();
            return stored;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Refuses, before anything changes, a visitor's write that could only be stored by evicting an operator's item:
     * no visitor share at all, or a full store without a visitor item to evict.
     */
    private void requireRoomForVisitors(List<NewMemory> memories) {
        boolean adds = memories.stream().anyMatch(m -> m.id() == null || !items.containsKey(m.id()));
        if (!adds) {
            return;
        }
        if (visitorCapacity() == 0) {
            throw new MemoryFullException("Visitors cannot add memories here: the operator has set no room for them.");
        }
        if (items.size() >= config.capacity() && visitorItems() == 0) {
            throw new MemoryFullException("The memory is full of the operator's items; a visitor's memory would"
                    + " evict one, so it was not stored.");
        }
    }

    /**
     * The visitor item to evict before a new item of {@code origin} is stored, if one must go. Counts the store as
     * it is during a batch ({@code visitorsPending}: visitors' items this batch added minus those it evicted), since
     * the item map changes only once the batch is durable.
     */
    private Optional<String> makeRoomFor(Origin origin, int visitorsPending) {
        boolean full = store.size() >= config.capacity();
        boolean visitorsAtCap = origin == Origin.VISITOR && visitorItems() + visitorsPending >= visitorCapacity();
        if (!full && !visitorsAtCap) {
            return Optional.empty();
        }
        return store.leastRecentlyUsed(id -> {
            MemoryItem item = items.get(id);
            return item != null && item.origin() == Origin.VISITOR;
        });
    }

    private void putBack(StoredItem s) {
        store.put(s.id(), s.vector(), new ItemMetadata(s.type(), s.tags(), s.importance(), s.createdAt()));
    }

    /** Appends to the log (when there is one) and returns once durable, or throws having applied nothing. */
    private void appendDurably(List<Map.Entry<String, byte[]>> entries) {
        if (log == null || entries.isEmpty()) {
            return;
        }
        try {
            log.appendAll(entries);
        } catch (LogAppendException e) {
            throw new StorageUnavailableException(
                    e.noSpace()
                            ? StorageUnavailableException.Reason.FULL
                            : StorageUnavailableException.Reason.UNWRITABLE,
                    (e.noSpace() ? "The data directory is full" : "The data directory cannot be written")
                            + "; the write was not stored (" + e.getMessage() + ")",
                    e);
        }
    }

    public Optional<MemoryItem> get(String id) {
        MemoryItem item = items.get(id);
        if (item != null) {
            store.get(id); // an access, for least-recently-used eviction
        }
        return Optional.ofNullable(item);
    }

    /** The stored (normalised) vector of an item, for "find similar". */
    public Optional<float[]> vectorOf(String id) {
        if (!items.containsKey(id)) {
            return Optional.empty();
        }
        return store.get(id).map(StoredItem::vector);
    }

    public boolean delete(String id) {
        requireWritable();
        lock.writeLock().lock();
        try {
            if (!items.containsKey(id)) {
                return false;
            }
            appendDurably(List.of(Map.entry("delete", MemoryCodec.encodeDelete(id))));
            items.remove(id);
            store.delete(id);
            searchCache.invalidateAll();
            version.incrementAndGet();
            maybeSnapshot();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Deletes many in one sync; returns how many existed. */
    public int deleteAll(List<String> ids) {
        requireWritable();
        lock.writeLock().lock();
        try {
            List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
            List<String> existing = new ArrayList<>();
            for (String id : new java.util.LinkedHashSet<>(ids)) {
                if (items.containsKey(id)) {
                    existing.add(id);
                    entries.add(Map.entry("delete", MemoryCodec.encodeDelete(id)));
                }
            }
            appendDurably(entries);
            for (String id : existing) {
                items.remove(id);
                store.delete(id);
            }
            searchCache.invalidateAll();
            version.incrementAndGet();
            maybeSnapshot();
            return entries.size();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Text search, answered from the cache when the same request was seen within the TTL. */
    public SearchResult search(SearchRequest request) {
        long start = System.nanoTime();
        List<SearchResult.Hit> cached = searchCache.getIfPresent(request);
        if (cached != null) {
            return new SearchResult(cached, (System.nanoTime() - start) / 1000, true);
        }
        float[] query = embedder.embed(request.query());
        List<SearchResult.Hit> hits = searchVector(query, request, null);
        searchCache.put(request, hits);
        return new SearchResult(hits, (System.nanoTime() - start) / 1000, false);
    }

    /**
     * Search with an already embedded query, bypassing the cache: for re-rankers that embed the query once and need
     * a larger candidate pool than they finally return.
     */
    public SearchResult searchByVector(float[] query, SearchRequest shape) {
        long start = System.nanoTime();
        List<SearchResult.Hit> hits = searchVector(query, shape, null);
        return new SearchResult(hits, (System.nanoTime() - start) / 1000, false);
    }

    /**
     * Grows by one on every change of the stored items, so derived indexes (e.g. a lexical one) can tell cheaply
     * whether they are stale.
     */
    public long version() {
        return version.get();
    }

    /** Items most similar to a stored one, itself excluded. */
    public SearchResult similarTo(String id, SearchRequest shape) {
        long start = System.nanoTime();
        float[] vector = vectorOf(id).orElseThrow(() -> new IllegalArgumentException("no memory with id " + id));
        List<SearchResult.Hit> hits = searchVector(vector, shape, id);
        return new SearchResult(hits, (System.nanoTime() - start) / 1000, false);
    }

    private List<SearchResult.Hit> searchVector(float[] vector, SearchRequest request, @Nullable String exclude) {
        SearchFilter filter = new SearchFilter(
                request.types().stream().map(MemoryType::label).collect(Collectors.toSet()), request.tags(),
                request.from(), request.to());
        int k = exclude == null ? request.k() : request.k() + 1;
        lock.readLock().lock();
        try {
            List<SearchHit> raw =
                    store.search(new SearchQuery(vector, k, request.threshold(), request.metric(), filter));
            List<SearchResult.Hit> hits = new ArrayList<>(raw.size());
            for (SearchHit h : raw) {
                MemoryItem item = items.get(h.id());
                if (item != null && !h.id().equals(exclude) && hits.size() < request.k()) {
                    hits.add(new SearchResult.Hit(item, h.similarity()));
                }
            }
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Items newest first, optionally of some types, for the memory browser. */
    public List<MemoryItem> list(java.util.function.Predicate<MemoryItem> filter) {
        return items.values().stream()
                .filter(filter)
                .sorted(Comparator.comparing(MemoryItem::createdAt).reversed().thenComparing(MemoryItem::id))
                .toList();
    }

    public MemoryStats stats() {
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (MemoryType t : MemoryType.values()) {
            byType.put(t.label(), 0);
        }
        items.values().forEach(i -> byType.merge(i.type().label(), 1, Integer::sum));
        var storeStats = store.stats();
        var cacheStats = searchCache.stats();
        return new MemoryStats(
                items.size(),
                byType,
                config.capacity(),
                store.dimension(),
                embedder.name(),
                storeStats.kernel(),
                storeStats.evictions(),
                storeStats.estimatedBytes(),
                searchCache.estimatedSize(),
                cacheStats.requestCount() == 0 ? 0 : cacheStats.hitRate(),
                log == null ? 0 : log.lastSequence(),
                log == null ? 0 : log.diskBytes());
    }

    /** Drops every cached search; returns how many were dropped. */
    public long clearSearchCache() {
        long n = searchCache.estimatedSize();
        searchCache.invalidateAll();
        return n;
    }

    /** JSON export of every item (texts and metadata; vectors are recomputed on import). */
    public byte[] exportJson() {
        return MemoryCodec.encodeExport(list(i -> true), clock.instant());
    }

    public String exportCsv() {
        return MemoryCodec.csv(list(i -> true));
    }

    /** Result of an import: either everything was applied, or nothing and the problems say why. */
    public record ImportReport(int imported, List<String> problems) {

        public ImportReport {
            problems = List.copyOf(problems);
        }

        public boolean applied() {
            return problems.isEmpty();
        }
    }

    /** Checks an import without applying it: {@code applied()} on the answer means it would be accepted. */
    public ImportReport validateImport(byte[] json) {
        List<String> problems = new ArrayList<>();
        List<NewMemory> memories = MemoryCodec.decodeImport(json, MAX_TEXT_LENGTH, problems);
        if (problems.isEmpty() && memories.size() > config.capacity()) {
            problems.add(
                    "the file holds " + memories.size() + " items, more than the capacity of " + config.capacity());
        }
        return new ImportReport(
                problems.isEmpty() ? memories.size() : 0, problems.subList(0, Math.min(problems.size(), 50)));
    }

    /** Validates the whole file first and changes nothing unless every item is valid; the items are the operator's. */
    public ImportReport importJson(byte[] json) {
        return importJson(json, Origin.OPERATOR);
    }

    /** As {@link #importJson(byte[])}, the items owned by {@code origin}. */
    public ImportReport importJson(byte[] json, Origin origin) {
        List<String> problems = new ArrayList<>();
        List<NewMemory> memories = MemoryCodec.decodeImport(json, MAX_TEXT_LENGTH, problems);
        if (!problems.isEmpty()) {
            return new ImportReport(0, problems.subList(0, Math.min(problems.size(), 50)));
        }
        if (memories.size() > config.capacity()) {
            return new ImportReport(
                    0,
                    List.of("the file holds " + memories.size() + " items, more than the capacity of "
                            + config.capacity()));
        }
        addAll(memories, origin);
        return new ImportReport(memories.size(), List.of());
    }

    /**
     * Re-embeds every stored text with another embedder (another model or dimension), reporting progress in
     * percent; searches keep using the old store until the new one is complete, then both swap at once.
     */
    public void reembed(Embedder newEmbedder, IntConsumer progressPercent) {
        requireWritable();
        List<MemoryItem> all = list(i -> true);
        VectorStore next = newStore(newEmbedder.dimension());
        List<float[]> vectors = new ArrayList<>(all.size());
        int batch = embedBatchSize;
        for (int i = 0; i < all.size(); i += batch) {
            List<String> texts = all.subList(i, Math.min(all.size(), i + batch)).stream()
                    .map(MemoryItem::text)
                    .toList();
            vectors.addAll(newEmbedder.embedAll(texts));
            progressPercent.accept(all.isEmpty() ? 100 : (int) (100L * Math.min(all.size(), i + batch) / all.size()));
        }
        lock.writeLock().lock();
        try {
            for (int i = 0; i < all.size(); i++) {
                MemoryItem item = all.get(i);
                if (items.containsKey(item.id())) {
                    next.put(item.id(), vectors.get(i), metadata(item));
                }
            }
            VectorStore old = store;
            store = next;
            embedder = newEmbedder;
            old.close();
            searchCache.invalidateAll();
            version.incrementAndGet();
            trySnapshot(); // if it fails, the next start re-embeds the old snapshot's texts again
        } finally {
            lock.writeLock().unlock();
        }
        progressPercent.accept(100);
    }

    public Config config() {
        return config;
    }

    /**
     * Applies new capacity and cache settings: the store is rebuilt with the same vectors (no re-embedding); if the
     * capacity shrinks, visitors' items go first and then the operator's, least recently used first; the search
     * cache starts empty.
     */
    public void reconfigure(Config next) {
        requireWritable();
        lock.writeLock().lock();
        try {
            Config previous = config;
            config = next;
            if (next.capacity() != previous.capacity() || next.searchThreads() != previous.searchThreads()) {
                VectorStore rebuilt = newStore(store.dimension());
                List<StoredItem> all = store.snapshot();
                int skip = Math.max(0, all.size() - next.capacity());
                // visitors' items go first (least recently used first), then the operator's
                Set<String> drop = new HashSet<>();
                for (Origin pass : List.of(Origin.VISITOR, Origin.OPERATOR)) {
                    for (StoredItem s : all) {
                        MemoryItem item = items.get(s.id());
                        if (drop.size() < skip && item != null && item.origin() == pass) {
                            drop.add(s.id());
                        }
                    }
                }
                List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
                List<String> dropped = new ArrayList<>();
                for (StoredItem s : all) {
                    MemoryItem item = items.get(s.id());
                    if (drop.contains(s.id()) || item == null) {
                        dropped.add(s.id());
                        entries.add(Map.entry("delete", MemoryCodec.encodeDelete(s.id())));
                    } else {
                        rebuilt.put(s.id(), s.vector(), metadata(item));
                    }
                }
                try {
                    appendDurably(entries);
                } catch (RuntimeException e) {
                    config = previous;
                    rebuilt.close();
                    throw e;
                }
                dropped.forEach(items::remove);
                VectorStore old = store;
                store = rebuilt;
                old.close();
            }
            version.incrementAndGet();
            searchCache = Caffeine.newBuilder()
                    .maximumSize(next.searchCacheSize())
                    .expireAfterWrite(next.searchCacheTtl())
                    .recordStats()
                    .build();
            trySnapshot();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Emergency stop: every write is refused until {@link #releaseWrites()}; reads and rollback still work. */
    public void freezeWrites(String reason) {
        freeze = new Freeze(reason, clock.instant());
    }

    public void releaseWrites() {
        freeze = null;
    }

    public Optional<Freeze> frozen() {
        return Optional.ofNullable(freeze);
    }

    private void requireWritable() {
        Freeze current = freeze;
        if (current != null) {
            throw new WritesFrozenException(
                    "Writes are frozen by an emergency stop since " + current.since() + ": " + current.reason());
        }
    }

    /** The whole state (items and vectors) in the snapshot encoding, for checkpoints. */
    public byte[] exportState() {
        lock.readLock().lock();
        try {
            List<MemoryCodec.Stored> all = new ArrayList<>(items.size());
            for (StoredItem s : store.snapshot()) {
                MemoryItem item = items.get(s.id());
                if (item != null) {
                    all.add(new MemoryCodec.Stored(item, s.vector()));
                }
            }
            return MemoryCodec.encodeSnapshot(embedder.name(), store.dimension(), all);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Replaces the whole state with one from {@link #exportState()} (a rollback). Durable: the log records the
     * replacement and a snapshot follows. Allowed during an emergency stop, since rolling back is how one recovers.
     * Vectors from another embedder or dimension are recomputed from the texts.
     */
    public void restoreState(byte[] state) {
        MemoryCodec.SnapshotState decoded = MemoryCodec.decodeSnapshot(state);
        boolean reembed = decoded.dimension() != embedder.dimension()
                || !decoded.embedder().equals(embedder.name());
        List<float[]> vectors = new ArrayList<>();
        for (MemoryCodec.Stored s : decoded.items()) {
            vectors.add(reembed ? embedder.embed(s.item().text()) : s.vector());
        }
        lock.writeLock().lock();
        try {
            List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
            List<String> existing = new ArrayList<>(items.keySet());
            for (String id : existing) {
                entries.add(Map.entry("delete", MemoryCodec.encodeDelete(id)));
            }
            for (int i = 0; i < decoded.items().size(); i++) {
                MemoryItem item = decoded.items().get(i).item();
                entries.add(Map.entry("put", MemoryCodec.encodePut(item, vectors.get(i))));
            }
            appendDurably(entries); // durable first: a failure leaves the current state untouched
            for (String id : existing) {
                items.remove(id);
                store.delete(id);
            }
            // oldest access first, so the restored recency order matches the checkpoint's
            for (int i = 0; i < decoded.items().size(); i++) {
                putInStore(decoded.items().get(i).item(), vectors.get(i));
            }
            searchCache.invalidateAll();
            version.incrementAndGet();
            trySnapshot();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Writes a snapshot of the whole state now. */
    public void snapshotNow() {
        if (log == null) {
            return;
        }
        lock.writeLock().lock();
        try {
            List<MemoryCodec.Stored> all = new ArrayList<>(items.size());
            for (StoredItem s : store.snapshot()) {
                MemoryItem item = items.get(s.id());
                if (item != null) {
                    all.add(new MemoryCodec.Stored(item, s.vector()));
                }
            }
            log.snapshot(MemoryCodec.encodeSnapshot(embedder.name(), store.dimension(), all));
            snapshotProblem = null;
        } catch (RuntimeException e) {
            snapshotProblem = new SnapshotProblem(e.getMessage(), clock.instant(), LogAppendException.isNoSpace(e));
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Why the last snapshot failed, while no later one succeeded; writes are stored in the log meanwhile. */
    public record SnapshotProblem(String message, Instant since, boolean noSpace) {}

    public Optional<SnapshotProblem> snapshotProblem() {
        return Optional.ofNullable(snapshotProblem);
    }

    /**
     * A snapshot after a write that is already durable: a failure must not turn the answer into an error (the write
     * is stored in the log); it is remembered for health and retried after the next write or by
     * {@link #retrySnapshotIfPending()}.
     */
    private void trySnapshot() {
        try {
            snapshotNow();
        } catch (RuntimeException e) {
            // kept in snapshotProblem
        }
    }

    /** Retries a failed snapshot (e.g. once disk space is back); returns whether none is pending any more. */
    public boolean retrySnapshotIfPending() {
        if (snapshotProblem == null) {
            return true;
        }
        trySnapshot();
        return snapshotProblem == null;
    }

    /** The log's directory, when there is one. */
    public Optional<java.nio.file.Path> dataDirectory() {
        return log == null ? Optional.empty() : Optional.of(log.directory());
    }

    /** A SHA-256 over every item and vector in id order: equal checksums mean equal state. */
    public String checksum() {
        lock.readLock().lock();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> ids = new ArrayList<>(items.keySet());
            ids.sort(null);
            for (String id : ids) {
                MemoryItem item = items.get(id);
                digest.update(MemoryCodec.encodePut(
                        item, store.get(id).map(StoredItem::vector).orElse(new float[0])));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() throws Exception {
        lock.writeLock().lock();
        try {
            if (log != null && log.appendedSinceSnapshot() > 0) {
                trySnapshot(); // the log holds every write; a snapshot only shortens the next start
            }
            store.close();
            if (log != null) {
                log.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Optional<String> putInStore(MemoryItem item, float[] vector) {
        Optional<String> evicted = store.put(item.id(), vector, metadata(item));
        items.put(item.id(), item);
        evicted.ifPresent(items::remove);
        return evicted;
    }

    private static ItemMetadata metadata(MemoryItem item) {
        return new ItemMetadata(item.type().label(), item.tags(), (float) item.importance(), item.createdAt());
    }

    private void maybeSnapshot() {
        if (log != null && (log.appendedSinceSnapshot() >= config.snapshotEvery() || snapshotProblem != null)) {
            trySnapshot();
        }
    }

    private String nextId() {
        String id;
        do {
            id = "m-" + Long.toString(clock.millis(), 36) + "-" + idCounter.incrementAndGet();
        } while (items.containsKey(id));
        return id;
    }

    /** Earliest and latest creation time accepted: ISO years 0000 to 9999 (beyond, millis overflow or mean nothing). */
    static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    static void validateTime(@Nullable Instant createdAt) {
        if (createdAt != null && (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST))) {
            throw new IllegalArgumentException("createdAt must be between years 0000 and 9999, got " + createdAt);
        }
    }

    private static void validateText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
    }

    private RecoveryReport recover(Recovery recovery) {
        List<String> notes = new ArrayList<>(recovery.report().problems());
        boolean reembed = false;
        if (recovery.snapshot().isPresent()) {
            MemoryCodec.SnapshotState state =
                    MemoryCodec.decodeSnapshot(recovery.snapshot().get().state());
            reembed = state.dimension() != embedder.dimension()
                    || !state.embedder().equals(embedder.name());
            for (MemoryCodec.Stored s : state.items()) {
                restore(s, reembed);
            }
        }
        for (LogEntry entry : recovery.entries()) {
            switch (entry.operation()) {
                case "put" -> restore(MemoryCodec.decodePut(entry.payload()), reembed);
                case "delete" -> {
                    String id = MemoryCodec.decodeDelete(entry.payload());
                    items.remove(id);
                    store.delete(id);
                }
                default -> notes.add("ignored unknown log operation " + entry.operation());
            }
        }
        if (reembed) {
            notes.add("the stored vectors came from another embedder; " + items.size() + " texts were re-embedded");
            trySnapshot(); // so the next start need not re-embed again
        }
        return new RecoveryReport(
                recovery.report().snapshotSequence(),
                recovery.report().entriesReplayed(),
                recovery.report().truncatedBytes(),
                notes);
    }

    private void restore(MemoryCodec.Stored stored, boolean reembed) {
        float[] vector = reembed || stored.vector().length != embedder.dimension()
                ? embedder.embed(stored.item().text())
                : stored.vector();
        putInStore(stored.item(), vector);
    }

    /** Counts per type, for quick checks. */
    public Map<MemoryType, Long> countByType() {
        Map<MemoryType, Long> counts = new EnumMap<>(MemoryType.class);
        items.values().forEach(i -> counts.merge(i.type(), 1L, Long::sum));
        return counts;
    }
}
