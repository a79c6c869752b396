/** The feedback loop as a Spring service over the shared memory engine. */
@NullMarked
package io.safla.cognition.service;

import org.jspecify.annotations.NullMarked;
