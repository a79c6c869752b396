package io.safla.memory;

/** A write was refused because an emergency stop froze the memory; the message says since when and why. */
public class WritesFrozenException extends IllegalStateException {

    public WritesFrozenException(String message) {
        super(message);
    }
}
