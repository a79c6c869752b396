package io.safla.memory.service;

/** The memory engine is still loading or failed to load; the message says which and why. */
public class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(String message) {
        super(message);
    }
}
