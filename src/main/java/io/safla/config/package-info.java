/**
 * Configuration: the seed's environment variables, {@code .env} and JSON profiles bound to validated
 * {@code @ConfigurationProperties} records at start-up; a bad value stops the start with one line that names it.
 */
@NullMarked
package io.safla.config;

import org.jspecify.annotations.NullMarked;
