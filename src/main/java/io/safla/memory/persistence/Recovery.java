package io.safla.memory.persistence;

import java.util.List;
import java.util.Optional;

/**
 * The state found on disk: the newest readable snapshot plus the log entries written after it, in order.
 *
 * @param snapshot the newest snapshot whose checksum holds, if any
 * @param entries entries with a sequence above the snapshot's, to replay on top of it
 * @param report what was found and repaired
 */
public record Recovery(Optional<Snapshot> snapshot, List<LogEntry> entries, RecoveryReport report) {

    public Recovery {
        entries = List.copyOf(entries);
    }
}
