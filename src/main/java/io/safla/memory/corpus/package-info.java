/**
 * The curated demo corpus (facts, episodes, concepts, relations, working items about AI and ML) that seeds every
 * memory type, loaded from {@code /demo/corpus.json} and validated. Framework-free.
 */
@NullMarked
package io.safla.memory.corpus;

import org.jspecify.annotations.NullMarked;
