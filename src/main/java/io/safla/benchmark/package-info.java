/**
 * The Benchmark tab's deterministic evaluation engine: seeded synthetic workloads, per-operation timing, latency
 * percentiles and recall@k against brute force. Framework-free; the suites that need the running application
 * (embedding, safety, cache, API) take injected functions. Kept apart from the JMH benchmarks on purpose.
 */
@NullMarked
package io.safla.benchmark;

import org.jspecify.annotations.NullMarked;
