package io.safla.benchmark.service;

import io.safla.benchmark.BenchmarkReport;

/** What happens to one submitted run. Called on the benchmark thread; implementations must not block. */
public interface BenchmarkListener {

    /** The run waits; {@code position} 1 is next. Called again whenever the queue moves. */
    default void onQueued(int position) {}

    default void onStarted() {}

    /** 0-100. */
    default void onProgress(int percent) {}

    /** The run ended, completed or cancelled part-way ({@link BenchmarkReport#cancelled()}). */
    void onFinished(BenchmarkReport report);

    /** The run was cancelled before it started. */
    default void onCancelledWhileWaiting() {}

    /** The run failed; {@code message} is fit to show. */
    void onFailed(String message);
}
