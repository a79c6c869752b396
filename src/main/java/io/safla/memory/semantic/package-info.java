/**
 * Semantic memory: a bounded directed graph of concepts and typed, weighted relations, with BFS neighbourhoods
 * for the graph view. Framework-free.
 */
@NullMarked
package io.safla.memory.semantic;

import org.jspecify.annotations.NullMarked;
