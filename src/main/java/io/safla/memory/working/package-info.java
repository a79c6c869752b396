/**
 * Working memory: a small, capacity-bounded set of items whose attention decays exponentially from their last
 * access. Framework-free.
 */
@NullMarked
package io.safla.memory.working;

import org.jspecify.annotations.NullMarked;
