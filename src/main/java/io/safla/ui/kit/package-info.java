/**
 * Parts every view may use: charts, figures, headers, visitor preferences and rate-limited actions.
 */
@NullMarked
package io.safla.ui.kit;

import org.jspecify.annotations.NullMarked;
