package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.memory.service.HybridMemoryService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Shares MemoryApiTest's context. */
class HybridMemoryApiTest extends ApiTestSupport {

    @Autowired
    HybridMemoryService hybrid;

    @BeforeEach
    void hybridLoaded() {
        hybrid.load();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return send(method, path, null);
    }

    @Test
    void episodes_filterByKindAndTime() throws Exception {
        HttpResponse<String> all = send("GET", "/api/memory/episodes?limit=500");
        assertThat(all.statusCode()).isEqualTo(200);
        int total = json.readTree(all.body()).get("total").asInt();
        assertThat(total).isEqualTo(hybrid.memory().episodic().size());

        JsonNode safety = json.readTree(
                send("GET", "/api/memory/episodes?kind=safety&limit=500").body());
        assertThat(safety.get("total").asInt()).isPositive().isLessThan(total);
        safety.get("episodes").forEach(e -> assertThat(e.get("kind").asString()).isEqualTo("SAFETY"));

        JsonNode none = json.readTree(
                send("GET", "/api/memory/episodes?to=2000-01-01T00:00:00Z").body());
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
        JsonNode graph = json.readTree(
                send("GET", "/api/memory/graph/" + centre + "?hops=2").body());
        assertThat(graph.get("center").asString()).isEqualTo(centre);
        assertThat(graph.get("nodes").get(0).get("hops").asInt()).isZero();
        assertThat(graph.get("edges").size()).isPositive();
        assertThat(graph.get("edges").get(0).get("type").asString()).isNotBlank();
        assertThat(graph.get("edges").get(0).get("weight").asDouble()).isBetween(0.0, 1.0);

        assertThat(send("GET", "/api/memory/graph/" + centre + "?hops=4").statusCode())
                .isEqualTo(400);
        HttpResponse<String> unknown = send("GET", "/api/memory/graph/no-such-concept-here");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no concept no-such-concept-here");
    }

    @Test
    void working_listsItemsWithAttentionNotAboveTheirBase() throws Exception {
        JsonNode working = json.readTree(send("GET", "/api/memory/working").body());
        assertThat(working.get("halfLifeSeconds").asLong()).isPositive();
        assertThat(working.get("items").size()).isEqualTo(hybrid.context().size());
        working.get("items")
                .forEach(i -> assertThat(i.get("attention").asDouble())
                        .isLessThanOrEqualTo(i.get("baseAttention").asDouble()));
    }
}
