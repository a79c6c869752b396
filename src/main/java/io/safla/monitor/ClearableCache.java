package io.safla.monitor;

/** A cache the memory manager may empty when memory runs short. */
public interface ClearableCache {

    String cacheName();

    /** Empties the cache; returns how many entries were dropped. */
    long clearAll();
}
