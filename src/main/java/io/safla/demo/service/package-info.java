/**
 * Demo's service: creates each visitor's sandboxes (recall, safety intervention, consolidation, the
 * self-improving loop) over the loaded embedder; the Demo views call only these.
 */
@NullMarked
package io.safla.demo.service;

import org.jspecify.annotations.NullMarked;
