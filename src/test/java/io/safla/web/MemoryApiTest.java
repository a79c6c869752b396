package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Shares SecurityHeadersTest's context. */
class MemoryApiTest extends ApiTestSupport {

    @Test
    void item_lifecycle_addGetSearchDelete() throws Exception {
        HttpResponse<String> created = send(
                "POST",
                "/api/memory/items",
                "{\"text\": \"Kalman filters estimate hidden state from noisy measurements.\", \"type\": \"vector\","
                        + " \"tags\": [\"estimation\"], \"importance\": 0.8}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/memory/items/" + id);

        JsonNode item =
                json.readTree(send("GET", "/api/memory/items/" + id, null).body());
        assertThat(item.get("text").asString()).startsWith("Kalman filters");
        assertThat(item.get("tags").get(0).asString()).isEqualTo("estimation");

        JsonNode search = json.readTree(
                send("POST", "/api/memory/search", "{\"query\": \"Kalman filter noisy measurements\", \"k\": 3}")
                        .body());
        assertThat(search.get("results").get(0).get("id").asString()).isEqualTo(id);
        assertThat(search.get("results").get(0).get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(search.get("tookMicros").asLong()).isNotNegative();
        assertThat(search.get("cached").asBoolean()).isFalse();
        assertThat(json.readTree(send(
                                        "POST",
                                        "/api/memory/search",
                                        "{\"query\": \"Kalman filter noisy measurements\", \"k\": 3}")
                                .body())
                        .get("cached")
                        .asBoolean())
                .isTrue();

        assertThat(send("DELETE", "/api/memory/items/" + id, null).statusCode()).isEqualTo(403);
        assertThat(sendAsOperator("DELETE", "/api/memory/items/" + id, null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> gone = send("GET", "/api/memory/items/" + id, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("No memory with id");
        assertThat(sendAsOperator("DELETE", "/api/memory/items/" + id, null).statusCode())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/memory/search|{\"query\": \"x\", \"k\": 0}|k|must be between 1 and 100",
                "/api/memory/search|{\"query\": \"x\", \"k\": 101}|k|must be between 1 and 100",
                "/api/memory/search|{\"query\": \"x\", \"threshold\": 2}|threshold|must be between 0 and 1",
                "/api/memory/search|{\"query\": \"\"}|query|must not be blank",
                "/api/memory/search|{\"query\": \"x\", \"metric\": \"jaccard\"}|metric|must be one of cosine",
                "/api/memory/search|{\"query\": \"x\", \"type\": \"dreams\"}|type|must be one of vector",
                "/api/memory/items|{\"text\": \"   \"}|text|must not be blank",
                "/api/memory/items|{\"text\": \"ok\", \"importance\": 1.5}|importance|must be less than or equal to 1.0",
                "/api/memory/items|{\"text\": \"hi <script>alert(1)</script>\"}|text|potentially dangerous content",
                "/api/memory/items|{\"text\": \"<img src=x onerror=alert(1)>\"}|text|potentially dangerous content",
                "/api/memory/search|{\"query\": \"x\", \"k\": \"ten\"}|body|",
                "/api/memory/search|{not json|body|",
                "/api/memory/items|[1,2,3]|body|"
            })
    void badInput_is400WithFieldErrors(String path, String body, String field, String message) throws Exception {
        HttpResponse<String> response = send("POST", path, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors).isNotNull();
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        if (message != null) {
            assertThat(errors.get(0).get("message").asString()).contains(message);
        }
    }

    @Test
    void textOverTheDocumentedLimit_is400() throws Exception {
        HttpResponse<String> response = send("POST", "/api/memory/items", "{\"text\": \"" + "a".repeat(10_001) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("must be at most 10000 characters");
    }

    @Test
    void export_andImport_roundTrip_andABadFileChangesNothing() throws Exception {
        send("POST", "/api/memory/items", "{\"text\": \"Export me, \\\"quoted\\\", please.\"}");
        HttpResponse<String> exported = send("GET", "/api/memory/export", null);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Disposition"))
                .get()
                .asString()
                .contains("safla-memory.json");
        HttpResponse<String> csv = send("GET", "/api/memory/export?format=csv", null);
        assertThat(csv.body())
                .startsWith("id,type,text,tags,importance,created_at")
                .contains("\"Export me, \"\"quoted\"\", please.\"");
        assertThat(send("GET", "/api/memory/export?format=xml", null).statusCode())
                .isEqualTo(400);

        int before = json.readTree(send("GET", "/api/memory/stats", null).body())
                .get("count")
                .asInt();
        HttpResponse<String> bad =
                sendAsOperator("POST", "/api/memory/import", "{\"items\": [{\"text\": \"fine\"}, {\"text\": \"\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Nothing was imported").contains("items[1].text");
        assertThat(json.readTree(send("GET", "/api/memory/stats", null).body())
                        .get("count")
                        .asInt())
                .isEqualTo(before);

        HttpResponse<String> good = sendAsOperator(
                "POST",
                "/api/memory/import",
                "{\"items\": [{\"text\": \"Imported fact one.\"}, {\"text\": \"Imported fact two.\", \"type\": \"episodic\"}]}");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(json.readTree(good.body()).get("imported").asInt()).isEqualTo(2);
        JsonNode stats = json.readTree(send("GET", "/api/memory/stats", null).body());
        assertThat(stats.get("count").asInt()).isEqualTo(before + 2);
        assertThat(stats.get("dimension").asInt()).isEqualTo(512);
        assertThat(stats.get("byType").get("episodic").asInt()).isPositive();
        assertThat(stats.get("kernel").asString()).isNotBlank();
        assertThat(stats.get("embedder").asString()).isNotBlank();
    }
}
