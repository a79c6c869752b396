/**
 * SAFLA Space: the Spring Boot application. The ground storey (config, embedding, monitor, memory, checkpoint,
 * safety, cognition, benchmark, settings, demo, system) is the engine; the upper storey (ui, web) are its adapters.
 */
@NullMarked
package io.safla;

import org.jspecify.annotations.NullMarked;
