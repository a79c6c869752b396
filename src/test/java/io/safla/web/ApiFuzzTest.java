package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.memory.service.MemoryService;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed, huge, binary and odd-Unicode input to every API endpoint: never a 5xx, and the app is healthy and
 * answers a normal search afterwards. Shares SecurityHeadersTest's context (a Space: X-Forwarded-For is trusted, so
 * each request can come from its own address and the rate limit does not hide the endpoints).
 */
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "safla.app.space-id=someone/safla-space")
class ApiFuzzTest {

    @LocalServerPort
    int port;

    @Autowired
    MemoryService memory;

    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger address = new AtomicInteger();

    @BeforeEach
    void engineLoaded() {
        memory.load();
    }

    @AfterEach
    void releaseAnyStop() throws Exception {
        send("POST", "/api/safety/emergency-stop/release", "application/json", new byte[0]);
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        int n = address.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType)
                .header("X-Forwarded-For", "198.18." + (n / 250) % 250 + "." + n % 250)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static List<byte[]> hostileBodies() {
        List<byte[]> bodies = new ArrayList<>();
        for (String s : List.of(
                "",
                "null",
                "[]",
                "{}",
                "\"text\"",
                "{\"text\": null}",
                "{\"text\": 123}",
                "{\"text\": [\"a\"]}",
                "{\"query\": {\"$gt\": \"\"}}",
                "{\"k\": 1e400, \"query\": \"x\"}",
                "{\"threshold\": NaN, \"query\": \"x\"}",
                "{\"k\": -2147483649, \"query\": \"x\"}",
                "{\"text\": \"\\u0000\\uffff\\ud800 lone surrogate\"}",
                "{\"query\": \"\\u202e\\u200b\\u200d\\ufeff 👩‍💻\"}",
                "{\"text\": \"" + "ñ".repeat(20_000) + "\"}",
                "{\"query\": \"" + "a".repeat(200_000) + "\"}",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"items\": " + "[".repeat(3_000) + "]".repeat(3_000) + "}",
                "{\"text\": \"x\", \"text\": \"y\"}",
                "{\"level\": \"STRICT\\u0000\", \"text\": \"x\"}",
                "{\"layers\": [null], \"text\": \"x\"}",
                "{\"context\": [\"" + "b".repeat(20_000) + "\"], \"text\": \"x\"}",
                "{\"reason\": \"" + "r".repeat(5_000) + "\"}",
                "<xml/>")) {
            bodies.add(s.getBytes(StandardCharsets.UTF_8));
        }
        Random random = new Random(7);
        for (int size : new int[] {1, 17, 1024, 65_536}) {
            byte[] binary = new byte[size];
            random.nextBytes(binary);
            bodies.add(binary);
        }
        bodies.add(new byte[2 * 1024 * 1024]); // 2 MB of zero bytes
        return bodies;
    }

    @Test
    void hostileInput_neverCausesA5xx_andTheAppStaysHealthy() throws Exception {
        List<String> posts = List.of(
                "/api/memory/items",
                "/api/memory/search",
                "/api/memory/import",
                "/api/safety/validate",
                "/api/safety/checkpoints",
                "/api/safety/emergency-stop");
        List<String> failures = new ArrayList<>();
        for (String path : posts) {
            for (byte[] body : hostileBodies()) {
                for (String type : List.of("application/json", "text/plain", "application/octet-stream")) {
                    HttpResponse<String> response = send("POST", path, type, body);
                    if (response.statusCode() >= 500) {
                        failures.add(path + " " + type + " " + body.length + " bytes -> " + response.statusCode());
                    }
                }
            }
            send("POST", "/api/safety/emergency-stop/release", "application/json", new byte[0]);
        }
        for (String id : List.of(
                "%00",
                "..%2F..%2Fetc%2Fpasswd",
                "a".repeat(5_000),
                "%F0%9F%92%A5",
                "%25ZZ",
                URLEncoder.encode("<script>", StandardCharsets.UTF_8),
                "cp-" + "9".repeat(40))) {
            for (String path : List.of("/api/memory/items/" + id, "/api/safety/rollback/" + id)) {
                for (String method : List.of("GET", "DELETE", "POST")) {
                    HttpResponse<String> response = send(method, path, "application/json", new byte[0]);
                    if (response.statusCode() >= 500) {
                        failures.add(method + " " + path.substring(0, Math.min(80, path.length())) + " -> "
                                + response.statusCode());
                    }
                }
            }
        }
        for (String query : List.of("format=xml", "format=%00", "format=" + "j".repeat(5_000))) {
            HttpResponse<String> response = send("GET", "/api/memory/export?" + query, "application/json", new byte[0]);
            if (response.statusCode() >= 500) {
                failures.add(
                        "export " + query.substring(0, Math.min(40, query.length())) + " -> " + response.statusCode());
            }
        }

        assertThat(failures).isEmpty();
        HttpResponse<String> health = send("GET", "/actuator/health", "application/json", new byte[0]);
        assertThat(health.body()).doesNotContain("\"status\":\"DOWN\"");
        HttpResponse<String> search = send(
                "POST",
                "/api/memory/search",
                "application/json",
                "{\"query\": \"still working?\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(search.statusCode()).isEqualTo(200);
    }
}
