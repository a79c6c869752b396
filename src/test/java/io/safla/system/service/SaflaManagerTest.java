package io.safla.system.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.monitor.HealthLevel;
import io.safla.monitor.HealthSnapshot;
import io.safla.monitor.RequestStats;
import io.safla.monitor.SecretRedactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The backup holds configuration, metrics and memory, and never a secret value. */
class SaflaManagerTest {

    private static final String ADMIN_TOKEN = "operator-token-5b1f0c9e2d";
    private static final String HF_TOKEN = "hf_QwErTyUiOpAsDfGhJkLzXcVbNm123456";
    private static final String TOKEN_SHAPED = "sk-proj-abcdefghijklmnopqrstuvwx";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void backup_hasEveryPart_andNoSecretValue() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty("safla.app.admin-token", ADMIN_TOKEN)
                .withProperty("safla.hf.token", HF_TOKEN)
                .withProperty("safla.hf.api-key", HF_TOKEN)
                // not a secret variable, but a token-shaped value must still be redacted
                .withProperty("safla.app.space-id", TOKEN_SHAPED)
                .withProperty("safla.memory.vector.max-size", "777");
        SaflaManager service = new SaflaManager(env, null, null, null, null);
        byte[] memory = "{\"items\":[{\"text\":\"a stored memory\"}]}".getBytes(StandardCharsets.UTF_8);

        byte[] zip = service.zip(
                Instant.parse("2026-11-27T03:00:00Z"),
                SaflaManager.configuration(env),
                snapshot(),
                List.of(snapshot()),
                memory);

        Map<String, String> entries = unzip(zip);
        assertThat(entries).containsOnlyKeys("manifest.json", "configuration.json", "metrics.json", "memory.json");
        String all = String.join("\n", entries.values());
        assertThat(all).doesNotContain(ADMIN_TOKEN, HF_TOKEN, TOKEN_SHAPED);

        JsonNode config = json.readTree(entries.get("configuration.json"));
        assertThat(value(config, "SAFLA_MEMORY_SIZE")).isEqualTo("777");
        assertThat(value(config, "ADMIN_TOKEN")).isEqualTo(SecretRedactor.REDACTED);
        assertThat(value(config, "HF_TOKEN")).isEqualTo(SecretRedactor.REDACTED);
        assertThat(value(config, "SPACE_ID")).isEqualTo(SecretRedactor.REDACTED);
        assertThat(value(config, "SAFLA_DATA_DIR")).isEqualTo(SaflaManager.UNSET);

        JsonNode metrics = json.readTree(entries.get("metrics.json"));
        assertThat(metrics.at("/latest/requests/count").asLong()).isEqualTo(42);
        assertThat(metrics.get("history").size()).isEqualTo(1);
        assertThat(entries.get("memory.json")).contains("a stored memory");
        assertThat(json.readTree(entries.get("manifest.json")).get("createdAt").asString())
                .isEqualTo("2026-11-27T03:00:00Z");
    }

    private static String value(JsonNode config, String variable) {
        for (JsonNode row : config) {
            if (row.get("variable").asString().equals(variable)) {
                return row.get("value").asString();
            }
        }
        throw new AssertionError("no row for " + variable);
    }

    private static HealthSnapshot snapshot() {
        return new HealthSnapshot(
                Instant.parse("2026-11-27T02:59:00Z"),
                HealthLevel.values()[0],
                List.of(),
                1,
                2,
                3,
                4,
                5,
                6,
                0.5,
                1.0,
                2,
                Duration.ofMinutes(5),
                30,
                1,
                10,
                new RequestStats(42, 10, 5, 9, 0),
                0);
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
