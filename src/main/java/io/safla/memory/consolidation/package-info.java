/**
 * Consolidation: promotes attended working items to episodes and clusters important episodes into semantic
 * concepts, idempotently and deterministically. Framework-free.
 */
@NullMarked
package io.safla.memory.consolidation;

import org.jspecify.annotations.NullMarked;
