package io.safla.memory.corpus;

/** The corpus file is missing, malformed or inconsistent; the message says where. */
public class DemoCorpusException extends RuntimeException {

    public DemoCorpusException(String message) {
        super(message);
    }

    public DemoCorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
