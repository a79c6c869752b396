/**
 * Framework-free safety validator: rule, privacy, behaviour, semantic and constraint layers plus
 * the decision logic that turns their findings into a verdict. Nothing here may import Spring or
 * Vaadin; {@code SafetyArchitectureTest} enforces that.
 */
@NullMarked
package io.safla.safety;

import org.jspecify.annotations.NullMarked;
