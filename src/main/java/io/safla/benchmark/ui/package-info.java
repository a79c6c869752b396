/** The Benchmark tab. */
@NullMarked
package io.safla.benchmark.ui;

import org.jspecify.annotations.NullMarked;
