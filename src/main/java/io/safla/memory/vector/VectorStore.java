package io.safla.memory.vector;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * In-memory store of unit vectors with exact top-k search, optional int8-accelerated search, metadata filters
 * and a hard capacity with a real eviction policy. Thread-safe: searches run concurrently, writes are exclusive.
 *
 * <p>Every vector is validated once here (dimension, finite, non-zero norm; otherwise
 * {@link IllegalArgumentException}) and normalised before it is stored, so the kernels run without checks.
 *
 * <p>Implementation notes. Layout: row {@code r} occupies {@code data[b+r*dim .. b+r*dim+dim)}, with {@code b} =
 * {@link #ROW_BASE}, of one growable {@code float[]} (grown 1.5x up to the capacity), so a scan is a sequential read
 * of one array and no object exists per vector. Per-item metadata sits in parallel primitive arrays: type and tag
 * set as ids into interning dictionaries (most items share a handful of them), created/last-access as epoch millis,
 * importance as a float. Ids map to rows through {@link IdIndex}. Deletion swaps the last row into the hole, so live
 * rows are always {@code [0, size)}. Recency is an intrusive doubly linked list over rows
 * ({@code prev}/{@code next}), so an access and an LRU eviction are O(1); {@link EvictionPolicy#LOWEST_IMPORTANCE}
 * scans, O(n) per eviction.
 * Search: rows are scored in blocks by the {@link VectorKernel}, filtered, and offered to a bounded
 * min-heap ({@link TopK}); with {@code searchThreads > 1} and at least {@value #PARALLEL_MIN_ROWS} rows, the row
 * range is split over a private ForkJoinPool and the per-thread heaps are merged. Hits are recorded as accesses
 * after the scan, under the write lock. Quantized mode keeps an int8 copy of each row with a per-row scale
 * ({@code maxAbs/127}, symmetric): per-row rather than per-dimension or global because it needs no training pass, stays
 * valid as items come and go, and a dot product needs just one multiply per row to rescale. The int8 scan collects
 * {@code k * oversample} candidates, which are rescored exactly in float.
 */
public final class VectorStore implements AutoCloseable {

    /** Candidates per requested result in {@link #searchQuantized(SearchQuery)}. */
    public static final int DEFAULT_OVERSAMPLE = 5;

    static final int PARALLEL_MIN_ROWS = 16_384;
    private static final int BLOCK = 256;
    private static final int INITIAL_ROWS = 1024;
    /**
     * Element index of row 0 in {@code data}. A {@code float[]}'s elements start 16 bytes into the array object, and
     * G1 places an array of half a region or more (a store of a few hundred 384-d rows and up) at a region
     * boundary; 12 floats (48 bytes) of padding then put every row with a dimension divisible by 16 on a 64-byte
     * cache-line boundary, so no vector load straddles two lines. With other collectors or small arrays the
     * padding costs 48 bytes and nothing else. Measured on 1 000 x 384 rows: a full scan 25 -> 20 us (256-bit
     * kernel), 27 -> 22 us (512-bit).
     */
    static final int ROW_BASE = 12;

    private final VectorStoreConfig config;
    private final VectorKernel kernel;
    private final Clock clock;
    private final int dim;
    private final @Nullable ForkJoinPool pool;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private float[] data;
    private byte @Nullable [] qdata;
    private float @Nullable [] qscale;
    private String[] ids;
    private int[] typeOf;
    private int[] tagSetOf;
    private long[] createdMillis;
    private long[] accessMillis;
    private float[] importance;
    private int[] prev;
    private int[] next;
    private int head = -1; // most recently used
    private int tail = -1; // least recently used
    private int size;
    private final IdIndex index;
    private final Dictionary<String> types = new Dictionary<>();
    private final Dictionary<Set<String>> tagSets = new Dictionary<>();
    private long evictions;
    /**
     * Alternates the direction of successive exact scans. Why: when the store is a little larger than the
     * core's L2 cache (1 000 x 384 floats is 1.5 MB), a scan in the same direction every time finds none of
     * its first rows in L2, since the previous scan's last rows evicted them; turning round starts where the
     * previous scan ended, on rows still cached. Ranking does not depend on row order (ties go to the smaller
     * id), so results are unchanged. Racy increments only affect the direction, never a result.
     */
    private int scanDirection;

    public VectorStore(VectorStoreConfig config, VectorKernel kernel, Clock clock) {
        this.config = config;
        this.kernel = kernel;
        this.clock = clock;
        this.dim = config.dimension();
        this.pool = config.searchThreads() > 1 ? new ForkJoinPool(config.searchThreads()) : null;
        int rows = Math.min(INITIAL_ROWS, config.capacity());
        allocate(rows);
        this.index = new IdIndex(rows);
    }

    /** A store using the kernel chosen by {@link KernelProvider} and the system UTC clock. */
    public static VectorStore create(VectorStoreConfig config) {
        return new VectorStore(config, KernelProvider.kernel(), Clock.systemUTC());
    }

    public VectorStoreConfig config() {
        return config;
    }

    public VectorKernel kernel() {
        return kernel;
    }

    public int dimension() {
        return dim;
    }

    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Inserts {@code id} or replaces its vector and metadata (an update keeps the original creation time unless
     * {@code metadata.createdAt()} is set). Returns the id evicted to make room, if any.
     */
    public Optional<String> put(String id, float[] vector, ItemMetadata metadata) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        // validated outside the lock; the normalised values are written straight into the row (no temporary copy)
        double sum = sumOfSquares(vector, "vector");
        // a vector that is already unit length (within float rounding) is stored bit for bit: normalising it again
        // would flip low bits, and a restored checkpoint or snapshot would no longer match its checksum
        double invNorm = Math.abs(sum - 1.0) <= 1e-6 ? 1.0 : 1.0 / Math.sqrt(sum);
        long now = clock.millis();
        lock.writeLock().lock();
        try {
            int row = index.find(id, ids);
            String evicted = null;
            if (row < 0) {
                if (size == config.capacity()) {
                    int victim = chooseVictim();
                    evicted = ids[victim];
                    removeRow(victim);
                    evictions++;
                }
                ensureRoom(size + 1);
                row = size++;
                ids[row] = id;
                index.insert(id, row, size, ids);
                createdMillis[row] = metadata.createdAt() == null
                        ? now
                        : metadata.createdAt().toEpochMilli();
                pushFront(row);
            } else {
                if (metadata.createdAt() != null) {
                    createdMillis[row] = metadata.createdAt().toEpochMilli();
                }
                touch(row);
            }
            int off = ROW_BASE + row * dim;
            for (int i = 0; i < dim; i++) {
                data[off + i] = (float) (vector[i] * invNorm);
            }
            if (qdata != null && qscale != null) {
                qscale[row] = quantize(data, off, dim, qdata, row * dim);
            }
            typeOf[row] = types.intern(metadata.type());
            tagSetOf[row] = tagSets.intern(metadata.tags());
            importance[row] = metadata.importance();
            accessMillis[row] = now;
            return Optional.ofNullable(evicted);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Replaces the metadata of an existing item; returns false if the id is unknown. Not an access. */
    public boolean updateMetadata(String id, ItemMetadata metadata) {
        lock.writeLock().lock();
        try {
            int row = index.find(id, ids);
            if (row < 0) {
                return false;
            }
            typeOf[row] = types.intern(metadata.type());
            tagSetOf[row] = tagSets.intern(metadata.tags());
            importance[row] = metadata.importance();
            if (metadata.createdAt() != null) {
                createdMillis[row] = metadata.createdAt().toEpochMilli();
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes {@code id}; returns whether it was present. */
    public boolean delete(String id) {
        lock.writeLock().lock();
        try {
            int row = index.find(id, ids);
            if (row < 0) {
                return false;
            }
            removeRow(row);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Returns a copy of the item and records an access. */
    public Optional<StoredItem> get(String id) {
        lock.writeLock().lock();
        try {
            int row = index.find(id, ids);
            if (row < 0) {
                return Optional.empty();
            }
            touch(row);
            accessMillis[row] = clock.millis();
            return Optional.of(itemAt(row));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A copy of the item without recording an access (for undoing a write that did not become durable). */
    public Optional<StoredItem> peek(String id) {
        lock.readLock().lock();
        try {
            int row = index.find(id, ids);
            return row < 0 ? Optional.empty() : Optional.of(itemAt(row));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The id that inserting a new id would evict now (the store is full), without changing anything. */
    public Optional<String> victimIfFull() {
        lock.readLock().lock();
        try {
            return size < config.capacity() ? Optional.empty() : Optional.of(ids[chooseVictim()]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether {@code id} is stored; not an access. */
    public boolean contains(String id) {
        lock.readLock().lock();
        try {
            return index.find(id, ids) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The least recently used id that {@code eligible} accepts, walking from the least recently used end and
     * stopping at the first match; not an access. For callers that must choose among a subset (e.g. only visitors'
     * items) before they {@link #delete} it themselves.
     */
    public Optional<String> leastRecentlyUsed(java.util.function.Predicate<String> eligible) {
        lock.readLock().lock();
        try {
            for (int r = tail; r >= 0; r = prev[r]) {
                if (eligible.test(ids[r])) {
                    return Optional.of(ids[r]);
                }
            }
            return Optional.empty();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Ids from least to most recently used (the LRU eviction order); a snapshot. */
    public List<String> idsByRecency() {
        lock.readLock().lock();
        try {
            List<String> out = new ArrayList<>(size);
            for (int r = tail; r >= 0; r = prev[r]) {
                out.add(ids[r]);
            }
            return List.copyOf(out);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Copies of all items from least to most recently used; not an access. Re-inserting them in this order
     * (with {@code createdAt} set from each item) rebuilds an equivalent store, recency order included.
     */
    public List<StoredItem> snapshot() {
        lock.readLock().lock();
        try {
            List<StoredItem> out = new ArrayList<>(size);
            for (int r = tail; r >= 0; r = prev[r]) {
                out.add(itemAt(r));
            }
            return List.copyOf(out);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Removes every item; keeps the allocated arrays. */
    public void clear() {
        lock.writeLock().lock();
        try {
            Arrays.fill(ids, 0, size, null);
            size = 0;
            head = -1;
            tail = -1;
            index.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Exact top-k: every row is scored in float. Hits count as accesses. Returns best first. */
    public List<SearchHit> search(SearchQuery query) {
        return search(query, false, 1, true);
    }

    /** {@link #searchQuantized(SearchQuery, int)} with {@link #DEFAULT_OVERSAMPLE}. */
    public List<SearchHit> searchQuantized(SearchQuery query) {
        return searchQuantized(query, DEFAULT_OVERSAMPLE);
    }

    /**
     * Approximate top-k: an int8 scan picks {@code k * oversample} candidates, which are rescored exactly, so the
     * similarities returned are exact and only recall can suffer. Falls back to {@link #search} for
     * {@link Metric#MANHATTAN}, whose ranking the int8 dot product does not preserve. Requires a store created
     * with {@code quantized = true}.
     */
    public List<SearchHit> searchQuantized(SearchQuery query, int oversample) {
        if (oversample < 1) {
            throw new IllegalArgumentException("oversample must be >= 1, got " + oversample);
        }
        if (!config.quantized()) {
            throw new IllegalStateException("store was created without quantized = true");
        }
        return search(query, query.metric() != Metric.MANHATTAN, oversample, true);
    }

    /**
     * Runs each query exactly and quantized (no access recorded) and reports the mean fraction of exact top-k ids
     * that the quantized search also returned.
     */
    public RecallReport measureRecall(List<float[]> queries, int k, Metric metric, int oversample) {
        if (!config.quantized()) {
            throw new IllegalStateException("store was created without quantized = true");
        }
        double sum = 0;
        int counted = 0;
        for (float[] q : queries) {
            SearchQuery sq = new SearchQuery(q, k, Double.NEGATIVE_INFINITY, metric, SearchFilter.NONE);
            List<SearchHit> exact = search(sq, false, 1, false);
            if (exact.isEmpty()) {
                continue;
            }
            Set<String> approx = new java.util.HashSet<>();
            for (SearchHit h : search(sq, metric != Metric.MANHATTAN, oversample, false)) {
                approx.add(h.id());
            }
            int found = 0;
            for (SearchHit h : exact) {
                if (approx.contains(h.id())) {
                    found++;
                }
            }
            sum += (double) found / exact.size();
            counted++;
        }
        return new RecallReport(counted, k, oversample, counted == 0 ? 1.0 : sum / counted);
    }

    /** Rough heap bytes held by this store's arrays (capacity, not just live rows) plus the id strings. */
    public long estimatedBytes() {
        lock.readLock().lock();
        try {
            long rows = ids.length;
            long bytes = 16 + 4L * data.length + index.bytes();
            bytes += rows * (4 /* ids ref */ + 4 + 4 + 8 + 8 + 4 + 4 + 4 /* meta and links */);
            if (qdata != null && qscale != null) {
                bytes += qdata.length + 4L * qscale.length;
            }
            for (int r = 0; r < size; r++) {
                bytes += 40 + ids[r].length(); // String header + fields + byte[] header, Latin-1 chars
            }
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Size, limits, counters and kernel in one consistent snapshot. */
    public StoreStats stats() {
        lock.readLock().lock();
        try {
            return new StoreStats(
                    size,
                    config.capacity(),
                    dim,
                    config.eviction(),
                    config.quantized(),
                    evictions,
                    kernel.name(),
                    estimatedBytes());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of items evicted for capacity since creation. */
    public long evictions() {
        lock.readLock().lock();
        try {
            return evictions;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Stops the search threads, if any. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    // ---------------------------------------------------------------- search internals

    private List<SearchHit> search(SearchQuery query, boolean quantized, int oversample, boolean recordAccess) {
        Metric metric = query.metric();
        float[] q = metric.normalizesQuery()
                ? normalizedCopy(query.vector(), "query")
                : checkedCopy(query.vector(), "query");
        List<SearchHit> hits;
        int[] hitRows;
        lock.readLock().lock();
        try {
            if (size == 0) {
                return List.of();
            }
            Predicate filter = compile(query.filter());
            TopK best;
            if (quantized) {
                byte[] qq = new byte[dim];
                quantize(q, qq);
                int candidateCount = (int) Math.min((long) query.k() * oversample, size);
                TopK candidates = scan(r -> new QuantScan(qq, filter, candidateCount));
                best = rescore(candidates, q, query);
            } else {
                // the heap never needs more slots than there are rows, whatever k the caller asked for
                best = scan(r -> new ExactScan(q, metric, query.threshold(), filter, Math.min(query.k(), size)));
            }
            float[] scores = new float[best.size()];
            int[] rows = best.drainBestFirst(scores);
            hitRows = rows;
            List<SearchHit> out = new ArrayList<>(rows.length);
            for (int i = 0; i < rows.length; i++) {
                int r = rows[i];
                out.add(new SearchHit(
                        ids[r],
                        scores[i],
                        types.get(typeOf[r]),
                        tagSets.get(tagSetOf[r]),
                        importance[r],
                        Instant.ofEpochMilli(createdMillis[r])));
            }
            hits = List.copyOf(out);
        } finally {
            lock.readLock().unlock();
        }
        if (recordAccess && !hits.isEmpty()) {
            recordAccess(hits, hitRows);
        }
        return hits;
    }

    /** {@code rows[i]} is where hit {@code i} was found; a write in between may have moved it. */
    private void recordAccess(List<SearchHit> hits, int[] rows) {
        long now = clock.millis();
        lock.writeLock().lock();
        try {
            // Least similar first, so that the best hit ends up most recently used.
            for (int i = hits.size() - 1; i >= 0; i--) {
                String id = hits.get(i).id();
                int row = rows[i];
                // The same String object means the same item is still there (ids are not copied); otherwise look
                // it up, since a delete may have moved another item into the row or removed this one.
                if (row >= size || ids[row] != id) {
                    row = index.find(id, ids);
                }
                if (row >= 0) {
                    touch(row);
                    accessMillis[row] = now;
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private TopK rescore(TopK candidates, float[] q, SearchQuery query) {
        float[] ignored = new float[candidates.size()];
        int[] rows = candidates.drainBestFirst(ignored);
        TopK best = new TopK(Math.min(query.k(), size), ids);
        VectorKernel.RawOp op = VectorKernel.RawOp.of(query.metric());
        float[] one = new float[1];
        for (int r : rows) {
            kernel.scoreRows(op, q, data, ROW_BASE, r, r + 1, one);
            double sim = query.metric().similarity(one[0]);
            if (sim >= query.threshold()) {
                best.offer((float) sim, r);
            }
        }
        return best;
    }

    /** Scans rows [0, size) with one {@link RowScan} per chunk (in parallel if worthwhile); merges the heaps. */
    private TopK scan(java.util.function.IntFunction<RowScan> scanFactory) {
        int n = size;
        if (pool == null || n < PARALLEL_MIN_ROWS) {
            return scanFactory.apply(0).run(0, n);
        }
        int parts = config.searchThreads();
        List<ForkJoinTask<TopK>> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            RowScan s = scanFactory.apply(p);
            tasks.add(pool.submit(() -> s.run(from, to)));
        }
        TopK merged = null;
        for (ForkJoinTask<TopK> t : tasks) {
            TopK part = t.join();
            if (merged == null) {
                merged = part;
            } else {
                merged.addAll(part);
            }
        }
        return merged;
    }

    private abstract class RowScan {
        final TopK heap;

        RowScan(int k) {
            heap = new TopK(k, ids);
        }

        abstract TopK run(int from, int to);
    }

    private final class ExactScan extends RowScan {
        private final float[] q;
        private final Metric metric;
        private final VectorKernel.RawOp op;
        private final double threshold;
        private final Predicate filter;

        ExactScan(float[] q, Metric metric, double threshold, Predicate filter, int k) {
            super(k);
            this.q = q;
            this.metric = metric;
            this.op = VectorKernel.RawOp.of(metric);
            this.threshold = threshold;
            this.filter = filter;
        }

        @Override
        TopK run(int from, int to) {
            float[] buf = new float[BLOCK];
            // For cosine and dot the raw score is the similarity, and without a filter every row counts:
            // the per-row work is then one compare before the heap.
            boolean plain = filter == ALL_ROWS && (metric == Metric.COSINE || metric == Metric.DOT);
            // the largest float not above the threshold; the exact double comparison below still decides
            float thresholdFloor = Math.nextDown((float) threshold);
            int blocks = (to - from + BLOCK - 1) / BLOCK;
            boolean backwards = (scanDirection++ & 1) == 1;
            for (int i = 0; i < blocks; i++) {
                int b = from + (backwards ? blocks - 1 - i : i) * BLOCK;
                int e = Math.min(to, b + BLOCK);
                kernel.scoreRows(op, q, data, ROW_BASE, b, e, buf);
                if (plain) {
                    // Rows below the heap's floor cannot get in; checking here saves a call for almost every row.
                    float floor = Math.max(heap.floor(), thresholdFloor);
                    for (int r = b; r < e; r++) {
                        float sim = buf[r - b];
                        if (sim >= floor && sim >= threshold) {
                            heap.offer(sim, r);
                            floor = Math.max(heap.floor(), thresholdFloor);
                        }
                    }
                    continue;
                }
                for (int r = b; r < e; r++) {
                    if (filter.test(r)) {
                        double sim = metric.similarity(buf[r - b]);
                        if (sim >= threshold) {
                            heap.offer((float) sim, r);
                        }
                    }
                }
            }
            return heap;
        }
    }

    private final class QuantScan extends RowScan {
        private final byte[] qq;
        private final Predicate filter;

        QuantScan(byte[] qq, Predicate filter, int candidates) {
            super(candidates);
            this.qq = qq;
            this.filter = filter;
        }

        @Override
        TopK run(int from, int to) {
            byte[] qd = qdata;
            float[] qs = qscale;
            int[] buf = new int[BLOCK];
            for (int b = from; b < to; b += BLOCK) {
                int e = Math.min(to, b + BLOCK);
                kernel.scoreRowsInt8(qq, qd, b, e, buf);
                // as in the exact scan: a row below the heap's floor cannot get in, whatever the filter says
                float floor = heap.floor();
                for (int r = b; r < e; r++) {
                    float approx = buf[r - b] * qs[r];
                    if (approx >= floor && filter.test(r)) {
                        heap.offer(approx, r);
                        floor = heap.floor();
                    }
                }
            }
            return heap;
        }
    }

    @FunctionalInterface
    private interface Predicate {
        boolean test(int row);
    }

    /** The filter of a query without filters; the exact scan recognises it and skips the per-row call. */
    private static final Predicate ALL_ROWS = r -> true;

    private Predicate compile(SearchFilter f) {
        if (f.isNone()) {
            return ALL_ROWS;
        }
        boolean[] typeOk = null;
        if (!f.types().isEmpty()) {
            typeOk = new boolean[types.size()];
            for (int t = 0; t < typeOk.length; t++) {
                typeOk[t] = f.types().contains(types.get(t));
            }
        }
        boolean[] tagsOk = null;
        if (!f.tags().isEmpty()) {
            tagsOk = new boolean[tagSets.size()];
            for (int t = 0; t < tagsOk.length; t++) {
                tagsOk[t] = tagSets.get(t).containsAll(f.tags());
            }
        }
        long from = f.from() == null ? Long.MIN_VALUE : f.from().toEpochMilli();
        long to = f.to() == null ? Long.MAX_VALUE : f.to().toEpochMilli();
        boolean[] types = typeOk;
        boolean[] tags = tagsOk;
        return r -> (types == null || types[typeOf[r]])
                && (tags == null || tags[tagSetOf[r]])
                && createdMillis[r] >= from
                && createdMillis[r] < to;
    }

    // ---------------------------------------------------------------- storage internals

    private StoredItem itemAt(int row) {
        return new StoredItem(
                ids[row],
                Arrays.copyOfRange(data, ROW_BASE + row * dim, ROW_BASE + row * dim + dim),
                types.get(typeOf[row]),
                tagSets.get(tagSetOf[row]),
                importance[row],
                Instant.ofEpochMilli(createdMillis[row]),
                Instant.ofEpochMilli(accessMillis[row]));
    }

    private int chooseVictim() {
        if (config.eviction() == EvictionPolicy.LRU) {
            return tail;
        }
        int victim = tail;
        // Walk from least recently used so that ties on importance go to the staler item.
        for (int r = prev[tail]; r >= 0; r = prev[r]) {
            if (importance[r] < importance[victim]) {
                victim = r;
            }
        }
        return victim;
    }

    private void removeRow(int row) {
        unlink(row);
        index.remove(ids[row], row, ids);
        int last = size - 1;
        if (row != last) {
            System.arraycopy(data, ROW_BASE + last * dim, data, ROW_BASE + row * dim, dim);
            if (qdata != null && qscale != null) {
                System.arraycopy(qdata, last * dim, qdata, row * dim, dim);
                qscale[row] = qscale[last];
            }
            ids[row] = ids[last];
            typeOf[row] = typeOf[last];
            tagSetOf[row] = tagSetOf[last];
            createdMillis[row] = createdMillis[last];
            accessMillis[row] = accessMillis[last];
            importance[row] = importance[last];
            index.move(ids[row], last, row);
            relink(last, row);
        }
        ids[last] = null;
        size--;
    }

    private void touch(int row) {
        if (head != row) {
            unlink(row);
            pushFront(row);
        }
    }

    private void pushFront(int row) {
        prev[row] = -1;
        next[row] = head;
        if (head >= 0) {
            prev[head] = row;
        }
        head = row;
        if (tail < 0) {
            tail = row;
        }
    }

    private void unlink(int row) {
        int p = prev[row];
        int n = next[row];
        if (p >= 0) {
            next[p] = n;
        } else {
            head = n;
        }
        if (n >= 0) {
            prev[n] = p;
        } else {
            tail = p;
        }
    }

    /** Gives the list node at {@code from} the slot {@code to} (which must be unlinked). */
    private void relink(int from, int to) {
        int p = prev[from];
        int n = next[from];
        prev[to] = p;
        next[to] = n;
        if (p >= 0) {
            next[p] = to;
        } else {
            head = to;
        }
        if (n >= 0) {
            prev[n] = to;
        } else {
            tail = to;
        }
    }

    private void ensureRoom(int rows) {
        if (rows <= ids.length) {
            return;
        }
        int grown = (int) Math.min(config.capacity(), Math.max(rows, ids.length + (ids.length >> 1)));
        data = Arrays.copyOf(data, ROW_BASE + grown * dim);
        if (qdata != null && qscale != null) {
            qdata = Arrays.copyOf(qdata, grown * dim);
            qscale = Arrays.copyOf(qscale, grown);
        }
        ids = Arrays.copyOf(ids, grown);
        typeOf = Arrays.copyOf(typeOf, grown);
        tagSetOf = Arrays.copyOf(tagSetOf, grown);
        createdMillis = Arrays.copyOf(createdMillis, grown);
        accessMillis = Arrays.copyOf(accessMillis, grown);
        importance = Arrays.copyOf(importance, grown);
        prev = Arrays.copyOf(prev, grown);
        next = Arrays.copyOf(next, grown);
    }

    private void allocate(int rows) {
        data = new float[ROW_BASE + rows * dim];
        if (config.quantized()) {
            qdata = new byte[rows * dim];
            qscale = new float[rows];
        }
        ids = new String[rows];
        typeOf = new int[rows];
        tagSetOf = new int[rows];
        createdMillis = new long[rows];
        accessMillis = new long[rows];
        importance = new float[rows];
        prev = new int[rows];
        next = new int[rows];
    }

    /** Symmetric absmax int8 quantisation into {@code out}; returns the factor that maps int8 back to float. */
    static float quantize(float[] v, byte[] out) {
        return quantize(v, 0, v.length, out, 0);
    }

    private static float quantize(float[] src, int srcOff, int len, byte[] dst, int dstOff) {
        float maxAbs = 0;
        for (int i = 0; i < len; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(src[srcOff + i]));
        }
        float scale = 127f / maxAbs;
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = (byte) Math.round(src[srcOff + i] * scale);
        }
        return maxAbs / 127f;
    }

    /** Checks dimension, finiteness and a non-zero norm; returns the sum of squares (in double). */
    private double sumOfSquares(float[] v, String what) {
        if (v == null || v.length != dim) {
            throw new IllegalArgumentException(
                    what + " must have dimension " + dim + ", got " + (v == null ? "null" : v.length));
        }
        // four running sums: one would make each add wait for the previous one (384 adds in a row per query)
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (int bound = v.length & ~3; i < bound; i += 4) {
            s0 += (double) v[i] * v[i];
            s1 += (double) v[i + 1] * v[i + 1];
            s2 += (double) v[i + 2] * v[i + 2];
            s3 += (double) v[i + 3] * v[i + 3];
        }
        for (; i < v.length; i++) {
            s0 += (double) v[i] * v[i];
        }
        double sum = (s0 + s1) + (s2 + s3);
        // a NaN or infinite component makes the sum NaN or infinite, so one check after the loop suffices
        if (!Double.isFinite(sum)) {
            throw new IllegalArgumentException(what + " contains a non-finite value");
        }
        if (sum == 0) {
            throw new IllegalArgumentException(what + " has zero norm");
        }
        return sum;
    }

    private float[] checkedCopy(float[] v, String what) {
        sumOfSquares(v, what);
        return v.clone();
    }

    private float[] normalizedCopy(float[] v, String what) {
        double invNorm = 1.0 / Math.sqrt(sumOfSquares(v, what));
        float[] copy = new float[dim];
        for (int i = 0; i < dim; i++) {
            copy[i] = (float) (v[i] * invNorm);
        }
        return copy;
    }

    /** Append-only interning table: equal values share one small int id. */
    private static final class Dictionary<T> {
        private final List<T> values = new ArrayList<>();
        private final Map<T, Integer> ids = new HashMap<>();

        int intern(T value) {
            Integer id = ids.get(value);
            if (id == null) {
                id = values.size();
                values.add(value);
                ids.put(value, id);
            }
            return id;
        }

        T get(int id) {
            return values.get(id);
        }

        int size() {
            return values.size();
        }
    }
}
