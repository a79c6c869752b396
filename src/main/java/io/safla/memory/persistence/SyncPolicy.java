package io.safla.memory.persistence;

/** When an appended record is forced to the disk before the append returns. */
public enum SyncPolicy {
    /** {@code fsync} before every acknowledgement: an acknowledged write survives a crash of the process or the machine. */
    EVERY_WRITE,
    /**
     * Only {@code write(2)}: an acknowledged write survives {@code kill -9} (it is in the kernel's page cache) but not
     * a power loss. For benchmarks and tests.
     */
    OS_BUFFERED
}
