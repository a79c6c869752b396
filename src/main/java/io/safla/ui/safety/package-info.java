/**
 * The Safety tab: validation playground, checkpoints and rollback, constraints, emergency stop.
 */
@NullMarked
package io.safla.ui.safety;

import org.jspecify.annotations.NullMarked;
