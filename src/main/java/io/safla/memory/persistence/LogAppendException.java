package io.safla.memory.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An append did not become durable. The log has been cut back to its last good record (or the segment sealed), so
 * nothing of the failed entries will be replayed; the caller must not apply them.
 */
public class LogAppendException extends UncheckedIOException {

    private final boolean noSpace;

    public LogAppendException(String message, IOException cause) {
        super(message, cause);
        this.noSpace = isNoSpace(cause);
    }

    /** The disk (or quota) is full, as opposed to unwritable or failing. */
    public boolean noSpace() {
        return noSpace;
    }

    /** Whether {@code t} or one of its causes reports ENOSPC (or the Windows equivalent). */
    public static boolean isNoSpace(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(java.util.Locale.ROOT);
                if (lower.contains("no space left")
                        || lower.contains("not enough space")
                        || lower.contains("disk quota exceeded")) {
                    return true;
                }
            }
            for (Throwable s : c.getSuppressed()) {
                if (isNoSpace(s)) {
                    return true;
                }
            }
        }
        return false;
    }
}
