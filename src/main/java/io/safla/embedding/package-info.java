/**
 * Text embedders: an in-process sentence-transformer (all-MiniLM-L6-v2) and a deterministic hashing fallback,
 * plus a caching decorator and the factory that picks one by dimension. Framework-free.
 */
@NullMarked
package io.safla.embedding;

import org.jspecify.annotations.NullMarked;
