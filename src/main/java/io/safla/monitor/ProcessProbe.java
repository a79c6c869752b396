package io.safla.monitor;

/** Operating-system readings of this process and machine. Implementations never throw; unknown is -1. */
public interface ProcessProbe {

    /** Resident set size of this process in bytes. */
    long residentBytes();

    /** Physical memory of the machine in bytes. */
    long systemMemoryTotalBytes();

    /** Physical memory available to new work in bytes. */
    long systemMemoryAvailableBytes();

    /** Whole-machine CPU load in [0, 1] since the previous call. */
    double systemCpuLoad();

    /** Load average over one minute. */
    double loadAverage();

    int logicalProcessors();
}
