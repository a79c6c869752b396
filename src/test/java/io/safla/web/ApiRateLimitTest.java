package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.NestedTestConfiguration;

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

    /**
     * On a Space (the memory API tests' context: {@code SPACE_ID} set, the default 60 per minute) the proxy's last
     * {@code X-Forwarded-For} entry is the client; forged entries in front of it, in any position and shape, never
     * buy a fresh allowance. Regression: Tomcat's RemoteIpValve once took the proxy's entry and the app then read the
     * client's own entry before it, so every request with a new forged value was allowed.
     */
    @Nested
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @AutoConfigureMetrics
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "safla.app.space-id=someone/safla-space")
    class OnASpace {

        @LocalServerPort
        int spacePort;

        private HttpResponse<String> get(List<String> forwardedFor) throws Exception {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + spacePort + "/api/status"));
            forwardedFor.forEach(header -> request.header("X-Forwarded-For", header));
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static List<String> forged(int i, String client) {
            String fresh = "203.0." + (i / 200) + "." + (1 + i % 200);
            return switch (i % 8) {
                case 0 -> List.of(fresh + ", " + client);
                case 1 -> List.of("10.9.9.9, " + fresh + ", 172.16.0." + (i % 250) + ", " + client);
                case 2 -> List.of(fresh, client);
                case 3 -> List.of(fresh + ", 198.18.0.1", "2001:db8::" + Integer.toHexString(i) + ", " + client);
                case 4 -> List.of("garbage-" + i + ",,;\"" + fresh + "\" , " + client);
                case 5 -> List.of("2001:db8:" + Integer.toHexString(i) + "::1, [2001:db8::" + i + "]:80, " + client);
                case 6 -> List.of("unknown, " + fresh + ":4711, " + client);
                default -> List.of(client);
            };
        }

        @Test
        void forgedForwardedFor_inEveryPosition_neverAddsAllowance() throws Exception {
            String client = ApiTestSupport.nextClientAddress();
            int limit = 60;
            for (int i = 0; i < limit; i++) {
                HttpResponse<String> ok = get(forged(i, client));
                assertThat(ok.statusCode())
                        .as("request %d %s", i, forged(i, client))
                        .isEqualTo(200);
                assertThat(ok.headers().firstValue("X-RateLimit-Remaining"))
                        .as("request %d %s", i, forged(i, client))
                        .hasValue(String.valueOf(limit - 1 - i));
            }
            for (int i = limit; i < limit + 8; i++) {
                assertThat(get(forged(i, client)).statusCode())
                        .as("request %d %s", i, forged(i, client))
                        .isEqualTo(429);
            }
            // another client (the proxy's entry differs) still has its own allowance
            assertThat(get(List.of(client + ", " + ApiTestSupport.nextClientAddress()))
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        void anIpv6Client_rotatingWithinItsSlash64_sharesOneAllowance() throws Exception {
            int n = ApiTestSupport.nextClientAddress().hashCode() & 0xfff;
            String prefix = "2001:db8:" + Integer.toHexString(n) + ":7:";
            for (int i = 0; i < 60; i++) {
                assertThat(get(List.of("6.6.6." + (i % 250) + ", " + prefix + Integer.toHexString(i) + "::1"))
                                .statusCode())
                        .isEqualTo(200);
            }
            assertThat(get(List.of(prefix + "ffff::1")).statusCode()).isEqualTo(429);
        }
    }
}
