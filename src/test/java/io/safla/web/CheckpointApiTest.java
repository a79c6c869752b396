package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.memory.service.MemoryService;
import io.safla.monitor.SecretRedactor;
import io.safla.system.service.SaflaManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Shares SecurityHeadersTest's context: a Space, so engine-wide actions and imports need the operator token, which
 * these tests, acting as the operator, send.
 */
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "safla.app.space-id=someone/safla-space")
class CheckpointApiTest {

    @LocalServerPort
    int port;

    @Autowired
    MemoryService memory;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void engineLoaded() {
        memory.load();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Content-Type", "application/json")
                                .header("X-Admin-Token", "test-operator-token-0123456789")
                                .method(
                                        method,
                                        body == null
                                                ? HttpRequest.BodyPublishers.noBody()
                                                : HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void checkpoint_changes_rollback_restoresTheStateExactly() throws Exception {
        send("POST", "/api/memory/items", "{\"text\": \"Before the checkpoint.\"}");
        HttpResponse<String> created = send("POST", "/api/safety/checkpoints", "{\"reason\": \"test drill\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode checkpoint = json.readTree(created.body());
        int items = checkpoint.get("items").asInt();

        send("POST", "/api/memory/items", "{\"text\": \"A risky change after the checkpoint.\"}");
        assertThat(json.readTree(send("GET", "/api/memory/stats", null).body())
                        .get("count")
                        .asInt())
                .isEqualTo(items + 1);

        JsonNode report = json.readTree(
                send("POST", "/api/safety/rollback/" + checkpoint.get("id").asString(), null)
                        .body());

        assertThat(report.get("exact").asBoolean()).isTrue();
        assertThat(report.get("checksumAfter").asString())
                .isEqualTo(checkpoint.get("checksum").asString());
        assertThat(report.get("checksumBefore").asString())
                .isNotEqualTo(checkpoint.get("checksum").asString());
        assertThat(json.readTree(send("GET", "/api/memory/stats", null).body())
                        .get("count")
                        .asInt())
                .isEqualTo(items);
        assertThat(json.readTree(send("GET", "/api/safety/checkpoints", null).body())
                        .findValuesAsString("reason"))
                .contains("test drill");
        assertThat(send("POST", "/api/safety/rollback/cp-missing", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void systemBackup_isAZipOfConfigurationMetricsAndMemory() throws Exception {
        send("POST", "/api/memory/items", "{\"text\": \"Kept in the system backup.\"}");
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/system/backup"))
                                .header("X-Admin-Token", "test-operator-token-0123456789")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("safla-backup-");
        java.util.Map<String, String> entries = new java.util.HashMap<>();
        try (java.util.zip.ZipInputStream zip =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(r.body()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsKeys("manifest.json", "configuration.json", "metrics.json", "memory.json");
        assertThat(entries.get("memory.json")).contains("Kept in the system backup.");
        assertThat(json.readTree(entries.get("metrics.json")).get("latest").has("requests"))
                .isTrue();
    }

    @Test
    void systemConfiguration_listsEveryVariable_withSecretsRedacted() throws Exception {
        HttpResponse<String> r = send("GET", "/api/system/configuration", null);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode rows = json.readTree(r.body());
        assertThat(rows.findValuesAsString("variable"))
                .contains("SAFLA_DATA_DIR", "RATE_LIMIT_PER_MINUTE", "ADMIN_TOKEN");
        for (JsonNode row : rows) {
            if (row.get("secret").asBoolean()) {
                assertThat(row.get("value").asString()).isIn(SaflaManager.UNSET, SecretRedactor.REDACTED);
            }
        }
    }

    @Test
    void bulkImport_takesACheckpointFirst() throws Exception {
        int before = json.readTree(send("GET", "/api/safety/checkpoints", null).body())
                .size();

        send("POST", "/api/memory/import", "[{\"text\": \"Imported under a checkpoint.\"}]");

        JsonNode after =
                json.readTree(send("GET", "/api/safety/checkpoints", null).body());
        assertThat(after.size()).isEqualTo(Math.min(before + 1, 20));
        assertThat(after.get(0).get("reason").asString()).isEqualTo("before bulk import");
    }

    @Test
    void emergencyStop_freezesWrites_showsInHealth_untilReleased() throws Exception {
        JsonNode stopped = json.readTree(send("POST", "/api/safety/emergency-stop", "{\"reason\": \"drill\"}")
                .body());
        try {
            assertThat(stopped.get("frozen").asBoolean()).isTrue();
            HttpResponse<String> refused = send("POST", "/api/memory/items", "{\"text\": \"while frozen\"}");
            assertThat(refused.statusCode()).isEqualTo(423);
            assertThat(refused.body()).contains("emergency stop").contains("drill");
            JsonNode health =
                    json.readTree(send("GET", "/actuator/health", null).body());
            assertThat(health.get("components").get("safety").get("status").asString())
                    .isEqualTo("DEGRADED");
            assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
        } finally {
            JsonNode released = json.readTree(
                    send("POST", "/api/safety/emergency-stop/release", null).body());
            assertThat(released.get("frozen").asBoolean()).isFalse();
        }
        assertThat(send("POST", "/api/memory/items", "{\"text\": \"after release\"}")
                        .statusCode())
                .isEqualTo(201);
    }
}
