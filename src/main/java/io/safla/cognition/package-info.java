/**
 * The self-aware feedback loop: a lexical (BM25) index beside the vector memory, retrieval strategies that re-rank
 * the memory's candidates, a contextual bandit that learns per kind of query which strategy to use, delta
 * evaluation, a self-awareness state, and the orchestrator that keeps an adaptation behind a checkpoint or rolls it
 * back. Framework-free.
 */
@NullMarked
package io.safla.cognition;

import org.jspecify.annotations.NullMarked;
