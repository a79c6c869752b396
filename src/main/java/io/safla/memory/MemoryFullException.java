package io.safla.memory;

/** A visitor's write was refused because it could only be stored by evicting an operator's item. */
public class MemoryFullException extends IllegalStateException {

    public MemoryFullException(String message) {
        super(message);
    }
}
