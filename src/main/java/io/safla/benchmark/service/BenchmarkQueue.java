package io.safla.benchmark.service;

import io.safla.benchmark.BenchmarkReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark at a time on a single daemon thread, at most {@code maxWaiting} more waiting behind it, and at most
 * one run (waiting or running) per visitor. Listener callbacks run on the benchmark thread, never under the lock.
 */
final class BenchmarkQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkQueue.class);

    /** The work of one run. */
    interface Task {
        BenchmarkReport run(IntConsumer progress, BooleanSupplier cancelled);
    }

    /** A visitor's place: 0 = running, 1 = next, ... */
    record Entry(String visitor, int position, String description) {}

    private final int maxWaiting;
    private final Consumer<BenchmarkReport> onReport;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "benchmark-runner");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    BenchmarkQueue(int maxWaiting, Consumer<BenchmarkReport> onReport) {
        this.maxWaiting = maxWaiting;
        this.onReport = onReport;
    }

    /** Queues a run for {@code visitor}; returns its position (0 = started at once). */
    int submit(String visitor, String description, Task task, BenchmarkListener listener) {
        Job job;
        int position;
        synchronized (this) {
            if (jobs.containsKey(visitor)) {
                Job existing = jobs.get(visitor);
                int at = positionOf(existing);
                throw new BenchmarkRefusedException(
                        "You already have a benchmark " + (at == 0 ? "running" : "waiting (position " + at + ")")
                                + "; wait for it to finish or cancel it first.");
            }
            if (jobs.size() >= 1 + maxWaiting) {
                throw new BenchmarkRefusedException("The benchmark queue is full (1 running, " + (jobs.size() - 1)
                        + " waiting); try again in a minute.");
            }
            job = new Job(visitor, description, task, listener);
            jobs.put(visitor, job);
            position = positionOf(job);
            job.future = worker.submit(() -> execute(job));
        }
        if (position > 0) {
            call(job, l -> l.onQueued(position));
        }
        return position;
    }

    /**
     * Cancels the visitor's run: a waiting one is dropped ({@link BenchmarkListener#onCancelledWhileWaiting}), the
     * running one stops at its next operation and reports what it measured, marked cancelled.
     */
    boolean cancel(String visitor) {
        Job job;
        synchronized (this) {
            job = jobs.get(visitor);
            if (job == null) {
                return false;
            }
            job.cancelled = true;
            if (positionOf(job) == 0) {
                // running, or next on the thread: it starts, sees the flag and reports an empty cancelled result
                return true;
            }
            jobs.remove(visitor);
            Future<?> future = job.future;
            if (future != null) {
                future.cancel(false);
            }
        }
        call(job, BenchmarkListener::onCancelledWhileWaiting);
        notifyWaiting();
        return true;
    }

    /** The visitor's place, if it has a run waiting or running. */
    synchronized OptionalInt position(String visitor) {
        Job job = jobs.get(visitor);
        return job == null ? OptionalInt.empty() : OptionalInt.of(positionOf(job));
    }

    /** Replaces the listener of the visitor's run (e.g. a reopened view); returns its position if it has one. */
    synchronized OptionalInt watch(String visitor, BenchmarkListener listener) {
        Job job = jobs.get(visitor);
        if (job == null) {
            return OptionalInt.empty();
        }
        job.listener = listener;
        return OptionalInt.of(positionOf(job));
    }

    synchronized List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Job j : jobs.values()) {
            out.add(new Entry(j.visitor, positionOf(j), j.description));
        }
        return List.copyOf(out);
    }

    /** Jobs run in submission order on one thread, so the first in the map is running or about to. */
    private int positionOf(Job job) {
        int index = 0;
        for (Job j : jobs.values()) {
            if (j == job) {
                return index;
            }
            index++;
        }
        return index;
    }

    private void execute(Job job) {
        synchronized (this) {
            if (jobs.get(job.visitor) != job) {
                return;
            }
        }
        call(job, BenchmarkListener::onStarted);
        try {
            BenchmarkReport report = job.task.run(p -> call(job, l -> l.onProgress(p)), () -> job.cancelled);
            finish(job);
            onReport.accept(report);
            call(job, l -> l.onFinished(report));
        } catch (RuntimeException | OutOfMemoryError e) {
            finish(job);
            log.warn("Benchmark {} failed: {}", job.description, e.toString());
            String message = e instanceof OutOfMemoryError
                    ? "out of memory; try a smaller n or dimension"
                    : e.getMessage() == null ? e.toString() : e.getMessage();
            call(job, l -> l.onFailed(message));
        }
    }

    private void finish(Job job) {
        synchronized (this) {
            jobs.remove(job.visitor, job);
        }
        notifyWaiting();
    }

    private void notifyWaiting() {
        List<Job> queued;
        synchronized (this) {
            queued = List.copyOf(jobs.values());
        }
        for (int i = 1; i < queued.size(); i++) {
            int position = i;
            call(queued.get(i), l -> l.onQueued(position));
        }
    }

    private static void call(Job job, Consumer<BenchmarkListener> event) {
        try {
            event.accept(job.listener);
        } catch (RuntimeException e) {
            log.debug("Benchmark listener failed", e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            jobs.values().forEach(j -> j.cancelled = true);
        }
        worker.shutdownNow();
    }

    private static final class Job {
        final String visitor;
        final String description;
        final Task task;
        volatile BenchmarkListener listener;
        volatile boolean cancelled;

        @Nullable
        Future<?> future;

        Job(String visitor, String description, Task task, BenchmarkListener listener) {
            this.visitor = visitor;
            this.description = description;
            this.task = task;
            this.listener = listener;
        }
    }
}
