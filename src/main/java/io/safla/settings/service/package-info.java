/**
 * Settings' service: previews an engine-wide change, takes a checkpoint, and asks each feature to apply its own
 * part; history, export and import.
 */
@NullMarked
package io.safla.settings.service;

import org.jspecify.annotations.NullMarked;
