/**
 * The memory engine: vector store with durable log and snapshots, items, search requests and results, import and
 * export. Framework-free.
 */
@NullMarked
package io.safla.memory;

import org.jspecify.annotations.NullMarked;
