/** Two-dimensional maps of stored vectors (principal component analysis). Framework-free. */
@NullMarked
package io.safla.memory.map;

import org.jspecify.annotations.NullMarked;
