/**
 * Safety's service: validation with the configured layers (the semantic layer once the MiniLM model is
 * active), the default level and the safety health check.
 */
@NullMarked
package io.safla.safety.service;

import org.jspecify.annotations.NullMarked;
