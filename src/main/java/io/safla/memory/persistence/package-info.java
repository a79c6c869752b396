/**
 * Durability: the append-only log with checksummed records, snapshots, and atomic small-file writes.
 * Framework-free.
 */
@NullMarked
package io.safla.memory.persistence;

import org.jspecify.annotations.NullMarked;
