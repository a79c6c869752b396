/** Runs benchmarks for visitors: one at a time, a short bounded queue, a shared history and its exports. */
@NullMarked
package io.safla.benchmark.service;

import org.jspecify.annotations.NullMarked;
