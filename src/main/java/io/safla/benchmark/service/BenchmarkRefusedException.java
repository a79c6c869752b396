package io.safla.benchmark.service;

/** A run was not accepted; the message says why and is fit to show to the visitor. */
public class BenchmarkRefusedException extends RuntimeException {

    public BenchmarkRefusedException(String message) {
        super(message);
    }
}
