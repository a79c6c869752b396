/** The reproducible learning-curve experiment behind {@code scripts/learning-curve.sh}. Framework-free. */
@NullMarked
package io.safla.cognition.experiment;

import org.jspecify.annotations.NullMarked;
