package io.safla.memory.service;

/** An import file over {@link WritePolicy#MAX_IMPORT_BYTES}. */
public class ImportTooLargeException extends RuntimeException {

    public ImportTooLargeException(String message) {
        super(message);
    }
}
