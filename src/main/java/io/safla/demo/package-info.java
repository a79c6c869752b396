/**
 * The Demo tab's scenario engines: each visitor's run works on private sandboxes of the real engine.
 */
@NullMarked
package io.safla.demo;

import org.jspecify.annotations.NullMarked;
