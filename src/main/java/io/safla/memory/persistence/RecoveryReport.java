package io.safla.memory.persistence;

import java.util.List;

/**
 * What opening the data directory found, for the start-up log and the health panel.
 *
 * @param snapshotSequence the sequence of the snapshot recovered from, 0 when none
 * @param entriesReplayed log entries after that snapshot
 * @param truncatedBytes bytes cut off a torn or corrupt log tail
 * @param problems human-readable notes: torn tails, unreadable snapshots skipped
 */
public record RecoveryReport(long snapshotSequence, int entriesReplayed, long truncatedBytes, List<String> problems) {

    public RecoveryReport {
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return truncatedBytes == 0 && problems.isEmpty();
    }
}
