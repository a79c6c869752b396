/**
 * The system as a whole: the questions no single feature answers.
 */
@NullMarked
package io.safla.system;

import org.jspecify.annotations.NullMarked;
