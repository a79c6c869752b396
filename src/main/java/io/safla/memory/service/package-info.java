/**
 * Memory's service: the engine's API for the rungs above and the adapters (add, search, delete, import, export,
 * apply settings), the hybrid memory, consolidation, seeding and health.
 */
@NullMarked
package io.safla.memory.service;

import org.jspecify.annotations.NullMarked;
