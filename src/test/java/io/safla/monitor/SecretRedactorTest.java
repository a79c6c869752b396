package io.safla.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    @Test
    void secretNames_andTokenShapedValues_areRedacted() {
        Map<String, String> redacted = SecretRedactor.redactAll(Map.of(
                "HUGGINGFACE_API_KEY", "hf_abcdefghijklmnop",
                "HF_TOKEN", "anything",
                "ADMIN_TOKEN", "operator-secret-value",
                "DB_PASSWORD", "pw",
                "MY_SECRET", "x",
                "INNOCENT_LOOKING", "hf_abcdefghijklmnopqrst",
                "PATH", "/usr/bin:/bin",
                "SPACE_ID", "someone/safla"));

        assertThat(redacted)
                .containsEntry("HUGGINGFACE_API_KEY", "[redacted]")
                .containsEntry("HF_TOKEN", "[redacted]")
                .containsEntry("ADMIN_TOKEN", "[redacted]")
                .containsEntry("DB_PASSWORD", "[redacted]")
                .containsEntry("MY_SECRET", "[redacted]")
                .containsEntry("INNOCENT_LOOKING", "[redacted]")
                .containsEntry("PATH", "/usr/bin:/bin")
                .containsEntry("SPACE_ID", "someone/safla");
        assertThat(java.util.List.copyOf(redacted.keySet())).isSorted();
    }
}
