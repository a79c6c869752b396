package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Runs as a Space would: {@code SPACE_ID} set, so the session cookie must survive a cross-site iframe. */
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "safla.app.space-id=someone/safla-space")
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/memory", "/actuator/health", "/styles/app.css"})
    void everyResponse_carriesSecurityHeaders_butNoFrameBlocking(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .endsWith("frame-ancestors 'self' https://huggingface.co https://someone-safla-space.hf.space");
        assertThat(response.headers().firstValue("X-Frame-Options")).isEmpty();
    }

    @Test
    void sessionCookie_onASpace_isCrossSiteCapable() throws Exception {
        HttpResponse<String> response = get("/");

        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .contains("SameSite=None")
                .contains("Secure")
                .contains("Partitioned")
                .contains("HttpOnly");
    }

    @Test
    void actuator_exposesOnlyHealthInfoAndPrometheus() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
        // the metrics are the operator's (EdgeHardeningTest); this context has no operator token
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(403);
        // unexposed endpoints fall through to the Vaadin servlet, which answers with its page, not actuator JSON
        for (String hidden : new String[] {"env", "beans", "metrics", "configprops", "heapdump", "threaddump"}) {
            HttpResponse<String> response = get("/actuator/" + hidden);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).doesNotContain("json");
            assertThat(response.body()).doesNotContain("propertySources").doesNotContain("\"beans\"");
        }
    }

    @Test
    void production_errorPages_showNoStackTrace() throws Exception {
        HttpResponse<String> response = get("/actuator/does-not-exist?trace=true");

        assertThat(response.body()).doesNotContain("at org.springframework").doesNotContain("Exception");
    }

    @Test
    void unknownApiPath_isAJson404NotTheDashboardPage() throws Exception {
        HttpResponse<String> response = get("/api/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("No such API endpoint");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper statusMapper;

    /** Regression: the custom LOADING and DEGRADED codes once replaced Boot's defaults, so DOWN answered 200. */
    @Test
    void healthStatuses_mapToTheRightHttpCodes() {
        assertThat(statusMapper.getStatusCode(org.springframework.boot.health.contributor.Status.DOWN))
                .isEqualTo(503);
        assertThat(statusMapper.getStatusCode(org.springframework.boot.health.contributor.Status.OUT_OF_SERVICE))
                .isEqualTo(503);
        assertThat(statusMapper.getStatusCode(new org.springframework.boot.health.contributor.Status("LOADING")))
                .isEqualTo(503);
        assertThat(statusMapper.getStatusCode(new org.springframework.boot.health.contributor.Status("DEGRADED")))
                .isEqualTo(200);
        assertThat(statusMapper.getStatusCode(org.springframework.boot.health.contributor.Status.UP))
                .isEqualTo(200);
    }
}
