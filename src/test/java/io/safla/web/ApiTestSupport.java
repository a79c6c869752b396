package io.safla.web;

import io.safla.memory.service.MemoryService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;

/** The memory API tests' shared context (with SecurityHeadersTest's), a loaded engine and a JSON client. */
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "safla.app.space-id=someone/safla-space")
abstract class ApiTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    MemoryService memory;

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    final HttpClient client = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    /** Each test its own client address (the context is a Space, so X-Forwarded-For counts): the tests sharing this
     * context would otherwise drain one rate-limit bucket and see 429s depending on the order they run in. */
    final String clientAddress = nextClientAddress();

    static String nextClientAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) % 250 + "." + (1 + n % 250);
    }

    @BeforeEach
    void engineLoaded() {
        memory.load();
    }

    /** The test contexts' {@code ADMIN_TOKEN} (src/test/resources/config/application.properties). */
    static final String OPERATOR_TOKEN = "test-operator-token-0123456789";

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, null);
    }

    /** As the operator: on this Space imports and deletes need the token. */
    HttpResponse<String> sendAsOperator(String method, String path, String body) throws Exception {
        return send(method, path, body, OPERATOR_TOKEN);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientAddress);
        if (token != null) {
            request.header("X-Admin-Token", token);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
