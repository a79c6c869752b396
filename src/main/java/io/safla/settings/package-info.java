/**
 * Engine-wide settings: the values, their validation, and the record of each change. Framework-free.
 */
@NullMarked
package io.safla.settings;

import org.jspecify.annotations.NullMarked;
