package io.safla.memory.service;

import io.safla.memory.MemoryEngine;

/** Fills an empty engine on the very first start, so every view has real data to show. */
public interface DemoSeeder {

    /** Adds items; returns how many. */
    int seed(MemoryEngine engine);
}
