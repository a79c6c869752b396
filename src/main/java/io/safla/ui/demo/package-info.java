/**
 * The Demo tab: guided scenarios, step by step, rendered from the demo sandboxes' results.
 */
@NullMarked
package io.safla.ui.demo;

import org.jspecify.annotations.NullMarked;
