/**
 * Checkpoints of memory's state (vector store, hybrid memory and settings), stored gzipped with a checksum so a
 * rollback can prove it restored the exact state. Framework-free.
 */
@NullMarked
package io.safla.checkpoint;

import org.jspecify.annotations.NullMarked;
