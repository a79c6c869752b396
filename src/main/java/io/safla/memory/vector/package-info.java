/**
 * Exact (and optionally int8-accelerated) vector search over contiguous primitive storage, with scalar and
 * Panama SIMD kernels chosen once at start-up. Framework-free.
 */
@NullMarked
package io.safla.memory.vector;

import org.jspecify.annotations.NullMarked;
