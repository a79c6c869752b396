package io.safla.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Application-wide settings from the seed's environment variables.
 *
 * @param environment deployment stage; production hides error details from visitors
 * @param debug verbose logging of the app's own packages
 * @param logLevel root log level; WARNING and CRITICAL are accepted for the seed's Python names
 * @param port HTTP port; a Space expects 7860
 * @param dataDir where logs, snapshots and checkpoints live; {@code /data} is the Space's persistent disk
 * @param sessionTimeoutSeconds idle time after which a visitor's session ends
 * @param maxConcurrentUsers sessions served at once before visitors see a "busy" page
 * @param enableAnalytics record anonymous interaction events
 * @param spaceId set by HuggingFace on a Space; switches the session cookie to cross-site mode
 * @param adminToken operator token for engine-wide settings and the status page; never shown
 * @param configPath the JSON profile that was loaded, if any
 */
@Validated
@ConfigurationProperties("safla.app")
public record AppProperties(
        @DefaultValue("production") @NotNull DeploymentEnvironment environment,
        @DefaultValue("false") boolean debug,
        @DefaultValue("INFO") @NotNull LogLevel logLevel,
        @DefaultValue("7860") @Min(1) @Max(65535) int port,
        @DefaultValue("./data") @NotNull Path dataDir,
        @DefaultValue("3600") @Min(60) @Max(86400) int sessionTimeoutSeconds,
        @DefaultValue("10") @Min(1) @Max(1000) int maxConcurrentUsers,
        @DefaultValue("true") boolean enableAnalytics,
        @Nullable String spaceId,
        @Nullable @Size(min = 16) String adminToken,
        @Nullable Path configPath) {

    public boolean production() {
        return environment == DeploymentEnvironment.PRODUCTION;
    }

    public boolean onSpace() {
        return spaceId != null && !spaceId.isBlank();
    }

    /**
     * Whether anyone on the internet may be using this instance: in production, and on a Space whatever
     * ENVIRONMENT says. Engine-wide actions, imports and deleting or overwriting memories then need the operator
     * token; in development and test off a Space everything stays open.
     */
    public boolean publicDeployment() {
        return production() || onSpace();
    }

    public Duration sessionTimeout() {
        return Duration.ofSeconds(sessionTimeoutSeconds);
    }

    @Override
    public String toString() {
        return "AppProperties[environment=" + environment + ", debug=" + debug + ", logLevel=" + logLevel
                + ", port=" + port + ", dataDir=" + dataDir + ", sessionTimeoutSeconds=" + sessionTimeoutSeconds
                + ", maxConcurrentUsers=" + maxConcurrentUsers + ", enableAnalytics=" + enableAnalytics
                + ", spaceId=" + spaceId + ", adminToken=" + (adminToken == null ? "unset" : "[redacted]")
                + ", configPath=" + configPath + "]";
    }

    public enum DeploymentEnvironment {
        DEVELOPMENT,
        TEST,
        STAGING,
        PRODUCTION
    }

    /** The seed's level names, mapped to the names Logback understands. */
    public enum LogLevel {
        TRACE("TRACE"),
        DEBUG("DEBUG"),
        INFO("INFO"),
        WARN("WARN"),
        WARNING("WARN"),
        ERROR("ERROR"),
        CRITICAL("ERROR");

        private final String logbackName;

        LogLevel(String logbackName) {
            this.logbackName = logbackName;
        }

        public String logbackName() {
            return logbackName;
        }
    }
}
