/**
 * Monitor's service: the health sampler, request window, rate limits, analytics, visitor registry and the
 * operator token.
 */
@NullMarked
package io.safla.monitor.service;

import org.jspecify.annotations.NullMarked;
