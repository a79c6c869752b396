package io.safla.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A bad variable stops the real jar with a message that names it, before it serves anything. */
class StartupValidationIT {

    @Test
    void negativeRateLimit_stopsStartUpNamingTheVariable() throws Exception {
        try (AppProcess app = AppProcess.start("bad-rate-limit", Map.of("RATE_LIMIT_PER_MINUTE", "-1"))) {
            assertThat(app.process.waitFor(90, TimeUnit.SECONDS))
                    .as("app exits")
                    .isTrue();

            assertThat(app.process.exitValue()).isNotZero();
            assertThat(Files.readString(app.log))
                    .contains("RATE_LIMIT_PER_MINUTE=-1 is invalid: allowed an integer from 1 to 10000")
                    .doesNotContain("Tomcat started");
        }
    }
}
