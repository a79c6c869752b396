/** Embedding's service: the embedder the running engine uses. */
@NullMarked
package io.safla.embedding.service;

import org.jspecify.annotations.NullMarked;
