package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A production Space with an operator token: who may frame the app, HSTS, and what Actuator shows to whom. */
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"safla.app.space-id=Some_One/SAFLA.space", "safla.app.admin-token=edge-operator-token-123"})
class EdgeHardeningTest {

    static final String TOKEN = "edge-operator-token-123";

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("X-Admin-Token", token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyHuggingFaceAndThisSpace_mayFrameTheApp_andHstsIsSent() throws Exception {
        for (String path : new String[] {"/", "/actuator/health", "/api/status"}) {
            HttpResponse<String> response = get(path, null);

            String csp =
                    response.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp)
                    .endsWith("frame-ancestors 'self' https://huggingface.co https://some-one-safla-space.hf.space")
                    .doesNotContain("*");
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .hasValue("max-age=31536000");
        }
    }

    @Test
    void spaceHost_fromSpaceHost_elseDerivedFromSpaceId_asHuggingFaceSpellsIt() {
        assertThat(SecurityHeadersFilter.spaceHost("Owner-Name.hf.space", "x/y"))
                .isEqualTo("owner-name.hf.space");
        assertThat(SecurityHeadersFilter.spaceHost(null, "Some_One/SAFLA.space"))
                .isEqualTo("some-one-safla-space.hf.space");
        assertThat(SecurityHeadersFilter.spaceHost("", "someone/safla-space"))
                .isEqualTo("someone-safla-space.hf.space");
        assertThat(SecurityHeadersFilter.spaceHost("evil.example; script-src *", "x/y"))
                .isNull();
        assertThat(SecurityHeadersFilter.spaceHost(null, "not a space id")).isNull();
        assertThat(SecurityHeadersFilter.contentSecurityPolicy(null))
                .endsWith("frame-ancestors 'self' https://huggingface.co");
    }

    @Test
    void prometheus_needsTheOperatorToken() throws Exception {
        for (String token : new String[] {null, "", "wrong-token-wrong-token"}) {
            HttpResponse<String> refused = get("/actuator/prometheus", token);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).doesNotContain("jvm_memory_used_bytes");
        }
        assertThat(get("/actuator/prometheus/", null).statusCode()).isNotEqualTo(200);

        HttpResponse<String> operator = get("/actuator/prometheus", TOKEN);
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void healthDetails_onlyForTheOperator() throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> anonymous = get("/actuator/health", null);
        JsonNode visible = json.readTree(anonymous.body());

        assertThat(visible.path("components").path("diskSpace").path("status").asString())
                .isEqualTo("UP");
        assertThat(visible.path("components").path("engine").has("status")).isTrue();
        assertThat(anonymous.body())
                .doesNotContain("\"details\"")
                .doesNotContain("\"path\"")
                .doesNotContain(System.getProperty("user.dir"));

        JsonNode operator = json.readTree(get("/actuator/health", TOKEN).body());
        assertThat(operator.path("components")
                        .path("diskSpace")
                        .path("details")
                        .path("path")
                        .asString())
                .isNotBlank();
    }

    /** Tomcat refuses these before any filter or servlet runs; under /api the answer is still problem JSON. */
    @Test
    void malformedApiUrls_areProblemJson_notTomcatHtml() throws Exception {
        for (String target : new String[] {"/api/%zz", "/api/%", "/api/status/..%2f..%2fetc", "/api/a%00b"}) {
            String answer = raw(target);

            assertThat(answer).as(target).startsWith("HTTP/1.1 400");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT))
                    .as(target)
                    .contains("content-type: application/problem+json");
            assertThat(answer).as(target).contains("\"status\":400").doesNotContain("<html");
        }
    }

    private String raw(String target) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
