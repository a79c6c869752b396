/**
 * Checkpoint's service: creates, lists and rolls back checkpoints, and is memory's {@code StateCheckpoints} port.
 */
@NullMarked
package io.safla.checkpoint.service;

import org.jspecify.annotations.NullMarked;
