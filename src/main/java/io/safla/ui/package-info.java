/**
 * The upper storey's Vaadin adapters: the shell (layout, errors, admission, health panel), the kit (charts,
 * figures, preferences, rate-limited actions) and one package of views per tab.
 */
@NullMarked
package io.safla.ui;

import org.jspecify.annotations.NullMarked;
