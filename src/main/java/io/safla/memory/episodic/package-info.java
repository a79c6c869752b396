/**
 * Episodic memory: time-stamped experiences with kind, valence and importance, bounded by capacity and retention,
 * queryable by time range and aggregated into timeline buckets. Framework-free.
 */
@NullMarked
package io.safla.memory.episodic;

import org.jspecify.annotations.NullMarked;
