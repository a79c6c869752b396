/**
 * The shared hybrid memory: episodic, semantic and working memory with their consolidator as one unit that is
 * persisted, checkpointed and consolidated together. Framework-free.
 */
@NullMarked
package io.safla.memory.hybrid;

import org.jspecify.annotations.NullMarked;
