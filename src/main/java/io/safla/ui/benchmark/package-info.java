/** The Benchmark tab. */
@NullMarked
package io.safla.ui.benchmark;

import org.jspecify.annotations.NullMarked;
