/**
 * The operator page ({@code /admin}), behind the operator token.
 */
@NullMarked
package io.safla.ui.admin;

import org.jspecify.annotations.NullMarked;
