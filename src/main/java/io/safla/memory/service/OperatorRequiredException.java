package io.safla.memory.service;

/** A visitor of a public deployment asked for something only the operator may do; the message names the rule. */
public class OperatorRequiredException extends RuntimeException {

    public OperatorRequiredException(String message) {
        super(message);
    }
}
