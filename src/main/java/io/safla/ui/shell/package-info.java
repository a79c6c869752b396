/**
 * The shell around every view: layout and navigation, the health badge and panel, error views, visitor admission.
 */
@NullMarked
package io.safla.ui.shell;

import org.jspecify.annotations.NullMarked;
