package io.safla.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a configuration error into the short report Spring Boot prints instead of a stack trace. */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
        String description = "Invalid SAFLA configuration:\n  " + String.join("\n  ", cause.problems());
        String action = "Correct the value(s) above and start again. .env.example lists every variable with its"
                + " default and allowed range.";
        return new FailureAnalysis(description, action, cause);
    }
}
