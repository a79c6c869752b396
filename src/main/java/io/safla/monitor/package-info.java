/**
 * Monitoring values and rules: health snapshots and levels, request statistics, rate limiting, analytics events,
 * secret redaction, the memory guard. Framework-free.
 */
@NullMarked
package io.safla.monitor;

import org.jspecify.annotations.NullMarked;
