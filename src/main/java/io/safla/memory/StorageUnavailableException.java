package io.safla.memory;

/**
 * A write was refused, or failed before it became durable, because the data directory is full or cannot be written.
 * Nothing of the write was applied or will be replayed; reads keep working. The message says why.
 */
public class StorageUnavailableException extends IllegalStateException {

    /** Why the data directory takes no writes. */
    public enum Reason {
        /** No space left (or below the reserve): the API answers 507 Insufficient Storage. */
        FULL,
        /** Read-only, permission denied or failing: the API answers 503. */
        UNWRITABLE
    }

    private final Reason reason;

    public StorageUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StorageUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
