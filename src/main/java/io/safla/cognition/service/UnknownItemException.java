package io.safla.cognition.service;

/** Feedback named an item the memory does not hold. */
public class UnknownItemException extends RuntimeException {

    public UnknownItemException(String itemId) {
        super("No memory with id " + itemId);
    }
}
