package io.safla.memory.persistence;

import java.util.List;

/**
 * What opening the data directory found, for the start-up log and the health panel.
 *
 * @param snapshotSequence the sequence of the snapshot recovered from, 0 when none
 * @param entriesReplayed log entries after that snapshot
 * @param truncatedBytes bytes cut off a torn or corrupt log tail
 * @param problems human-readable notes: torn tails, stale temporary files removed, unacknowledged tails discarded
 * @param damage the serious part: damaged records with valid records after them, unreadable snapshots, missing
 *     sequences, files moved aside. Not empty means acknowledged data may have been lost or needed repair; the
 *     operator must look (health says so until the next restart).
 */
public record RecoveryReport(
        long snapshotSequence, int entriesReplayed, long truncatedBytes, List<String> problems, List<String> damage) {

    public RecoveryReport {
        problems = List.copyOf(problems);
        damage = List.copyOf(damage);
    }

    public RecoveryReport(long snapshotSequence, int entriesReplayed, long truncatedBytes, List<String> problems) {
        this(snapshotSequence, entriesReplayed, truncatedBytes, problems, List.of());
    }

    public boolean clean() {
        return truncatedBytes == 0 && problems.isEmpty() && damage.isEmpty();
    }

    /** Damage beyond a torn tail was found (and repaired as far as possible). */
    public boolean damaged() {
        return !damage.isEmpty();
    }
}
