package io.safla.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every environment variable the Space honours, the property it feeds, its default and its allowed values.
 *
 * <p>This table is the single place that names variables: start-up errors, {@code .env.example} and the docs are
 * checked against it by tests.
 */
public enum ConfigVariable {
    HUGGINGFACE_API_KEY("safla.hf.api-key", "(unset)", "optional; a token starting with hf_", true),
    HF_TOKEN("safla.hf.token", "(unset)", "optional; a token starting with hf_", true),
    HF_CACHE_DIR("safla.hf.cache-dir", "/tmp/hf_cache", "a directory path", false),
    SAFLA_CONFIG_PATH(
            "safla.app.config-path",
            "config/safla_production.json if present",
            "path to an existing JSON profile",
            false),
    SAFLA_MEMORY_SIZE("safla.memory.vector.max-size", "1000", "an integer from 10 to 10000", false),
    SAFLA_VECTOR_DIM("safla.memory.vector.dimensions", "384", "one of 384, 512, 768, 1024, 1536", false),
    ENVIRONMENT("safla.app.environment", "production", "one of development, test, staging, production", false),
    DEBUG("safla.app.debug", "false", "true or false", false),
    LOG_LEVEL("safla.app.log-level", "INFO", "one of TRACE, DEBUG, INFO, WARNING, ERROR, CRITICAL", false),
    MAX_CONCURRENT_USERS("safla.app.max-concurrent-users", "10", "an integer from 1 to 1000", false),
    CACHE_TIMEOUT(
            "safla.performance.cache-timeout-seconds", "300", "an integer number of seconds from 1 to 86400", false),
    ENABLE_ANALYTICS("safla.app.enable-analytics", "true", "true or false", false),
    RATE_LIMIT_PER_MINUTE("safla.ratelimit.per-minute", "60", "an integer from 1 to 10000", false),
    SESSION_TIMEOUT(
            "safla.app.session-timeout-seconds", "3600", "an integer number of seconds from 60 to 86400", false),
    PORT("safla.app.port", "7860", "an integer from 1 to 65535", false),
    SAFLA_DATA_DIR("safla.app.data-dir", "./data (/data in the image)", "a writable directory path", false),
    SPACE_ID("safla.app.space-id", "(unset; set by HuggingFace on every Space)", "owner/space-name", false),
    ADMIN_TOKEN("safla.app.admin-token", "(unset)", "optional; at least 16 characters", true);

    private final String property;
    private final String defaultValue;
    private final String allowed;
    private final boolean secret;

    ConfigVariable(String property, String defaultValue, String allowed, boolean secret) {
        this.property = property;
        this.defaultValue = defaultValue;
        this.allowed = allowed;
        this.secret = secret;
    }

    public String property() {
        return property;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String allowed() {
        return allowed;
    }

    /** Secret values are never echoed: not in errors, logs, pages or exports. */
    public boolean secret() {
        return secret;
    }

    /** The variable that feeds a property, matching nested properties too (e.g. a list element). */
    public static Optional<ConfigVariable> forProperty(String propertyName) {
        return Arrays.stream(values())
                .filter(v -> propertyName.equals(v.property) || propertyName.startsWith(v.property + "["))
                .findFirst();
    }
}
