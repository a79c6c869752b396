/**
 * The REST adapter under {@code /api}: controllers, filters (security headers, rate limit, request metrics) and
 * problem JSON for every error.
 */
@NullMarked
package io.safla.web;

import org.jspecify.annotations.NullMarked;
