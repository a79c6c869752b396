package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"safla.ratelimit.per-minute=5", "safla.app.admin-token=test-operator-token-123"})
class ApiRateLimitTest {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String forwardedFor) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-Forwarded-For", forwardedFor)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void api_beyondTheLimit_answers429WithRetryAfter_andForgedForwardedForDoesNotHelp() throws Exception {
        for (int remaining = 4; remaining >= 0; remaining--) {
            HttpResponse<String> ok = get("/api/status", "198.51.100." + remaining);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue(String.valueOf(remaining));
            assertThat(ok.body()).contains("\"overall\"").contains("\"components\"");
        }

        HttpResponse<String> refused = get("/api/status", "198.51.100.99");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 12L);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":429").contains("More than 5 requests per minute");
    }

    @Test
    void pages_areNotCountedAgainstTheApiLimit() throws Exception {
        for (int i = 0; i < 8; i++) {
            assertThat(get("/actuator/health", "x").statusCode()).isEqualTo(200);
        }
    }
}
