package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safla.memory.service.HybridMemoryService;
import io.safla.memory.service.MemoryService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Shares MemoryApiTest's context. */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "safla.app.space-id=someone/safla-space")
class HybridMemoryApiTest {

    @LocalServerPort
    int port;

    @Autowired
    MemoryService memory;

    @Autowired
    HybridMemoryService hybrid;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String clientAddress = ApiTestSupport.nextClientAddress();

    @BeforeEach
    void loaded() {
        memory.load();
        hybrid.load();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Forwarded-For", clientAddress).method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void episodes_filterByKindAndTime() throws Exception {
        HttpResponse<String> all = send("GET", "/api/memory/episodes?limit=500");
        assertThat(all.statusCode()).isEqualTo(200);
        int total = json.readTree(all.body()).get("total").asInt();
        assertThat(total).isEqualTo(hybrid.memory().episodic().size());

        JsonNode safety = json.readTree(send("GET", "/api/memory/episodes?kind=safety&limit=500").body());
        assertThat(safety.get("total").asInt()).isPositive().isLessThan(total);
        safety.get("episodes").forEach(e -> assertThat(e.get("kind").asText()).isEqualTo("SAFETY"));

        JsonNode none = json.readTree(send("GET", "/api/memory/episodes?to=2000-01-01T00:00:00Z").body());
        assertThat(none.get("total").asInt()).isZero();
    }

    @Test
    void episodes_badParameters_give400WithTheReason() throws Exception {
        HttpResponse<String> kind = send("GET", "/api/memory/episodes?kind=dreams");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.body()).contains("must be one of learning, safety, performance, user_interaction");
        HttpResponse<String> time = send("GET", "/api/memory/episodes?from=yesterday");
        assertThat(time.statusCode()).isEqualTo(400);
        assertThat(time.body()).contains("from must be an ISO-8601 instant");
    }

    @Test
    void graph_returnsTheTypedWeightedNeighbourhood_andRejectsBadHops() throws Exception {
        String centre = hybrid.memory().semantic().relations().get(0).from();
        JsonNode graph = json.readTree(send("GET", "/api/memory/graph/" + centre + "?hops=2").body());
        assertThat(graph.get("center").asText()).isEqualTo(centre);
        assertThat(graph.get("nodes").get(0).get("hops").asInt()).isZero();
        assertThat(graph.get("edges").size()).isPositive();
        assertThat(graph.get("edges").get(0).get("type").asText()).isNotBlank();
        assertThat(graph.get("edges").get(0).get("weight").asDouble()).isBetween(0.0, 1.0);

        assertThat(send("GET", "/api/memory/graph/" + centre + "?hops=4").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = send("GET", "/api/memory/graph/no-such-concept-here");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no concept no-such-concept-here");
    }

    @Test
    void working_listsItemsWithAttentionNotAboveTheirBase() throws Exception {
        JsonNode working = json.readTree(send("GET", "/api/memory/working").body());
        assertThat(working.get("halfLifeSeconds").asLong()).isPositive();
        assertThat(working.get("items").size()).isEqualTo(hybrid.context().size());
        working.get("items").forEach(i -> assertThat(i.get("attention").asDouble())
                .isLessThanOrEqualTo(i.get("baseAttention").asDouble()));
    }
}
