/**
 * The Memory tab: search playground, browser, statistics, map, timeline, graph and working context.
 */
@NullMarked
package io.safla.ui.memory;

import org.jspecify.annotations.NullMarked;
