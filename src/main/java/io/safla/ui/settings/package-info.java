/**
 * The Settings tab: the visitor's own preferences and the engine-wide settings.
 */
@NullMarked
package io.safla.ui.settings;

import org.jspecify.annotations.NullMarked;
