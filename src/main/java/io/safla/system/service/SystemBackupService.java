package io.safla.system.service;

import io.safla.monitor.service.HealthSampler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import io.safla.config.ConfigVariable;
import io.safla.memory.service.MemoryService;
import io.safla.monitor.HealthSnapshot;
import io.safla.monitor.SecretRedactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * The seed's system-state backup: one zip with the effective configuration (secrets redacted), a metrics
 * summary and the full memory export, for an operator to keep or to hand over when reporting a problem.
 *
 * <p>Entries: {@code manifest.json} (when and what), {@code configuration.json} (every variable of the
 * {@link ConfigVariable} table with its property, effective value and default), {@code metrics.json} (the latest
 * health snapshot, which includes the request figures, and the recent health history) and {@code memory.json}
 * (the same document as {@code GET /api/memory/export}, which {@code POST /api/memory/import} restores).
 * Secret variables are written as {@link SecretRedactor#REDACTED} (or {@code (unset)}), and any other value
 * shaped like a token is redacted too, so the file can be shared. Memory items are user content and are
 * exported as stored.
 */
@Service
public class SystemBackupService {

    public static final String UNSET = "(unset)";

    private final Environment environment;
    private final HealthSampler sampler;
    private final MemoryService memory;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    SystemBackupService(Environment environment, HealthSampler sampler, MemoryService memory, Clock clock) {
        this.environment = environment;
        this.sampler = sampler;
        this.memory = memory;
        this.clock = clock;
    }

    /** The backup as zip bytes. Fails with the memory service's message while the engine is still loading. */
    public byte[] backupZip() {
        byte[] memoryExport = memory.engine().exportJson();
        return zip(clock.instant(), configuration(environment), sampler.latest(), sampler.history(), memoryExport);
    }

    /** A file name for the download, with the time it was taken. */
    public String fileName() {
        return "safla-backup-" + clock.instant().toString().replace(':', '-') + ".zip";
    }

    /** One row of {@code configuration.json}. */
    public record Setting(String variable, String property, String value, String defaultValue, boolean secret) {}

    /** The effective value of every variable of the table, redacted. */
    static List<Setting> configuration(Environment environment) {
        return java.util.Arrays.stream(ConfigVariable.values()).map(v -> {
            String raw = environment.getProperty(v.property());
            String shown;
            if (raw == null || raw.isBlank()) {
                shown = UNSET;
            } else if (v.secret()) {
                shown = SecretRedactor.REDACTED;
            } else {
                shown = SecretRedactor.redact(v.name(), raw);
            }
            return new Setting(v.name(), v.property(), shown, v.defaultValue(), v.secret());
        }).toList();
    }

    byte[] zip(Instant at, List<Setting> configuration, HealthSnapshot latest, List<HealthSnapshot> history,
            byte[] memoryExport) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "safla-system-backup");
        manifest.put("version", 1);
        manifest.put("createdAt", at.toString());
        manifest.put("entries", List.of("configuration.json", "metrics.json", "memory.json"));
        manifest.put("restore", "POST memory.json to /api/memory/import; configuration is for reference");
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("latest", latest);
        metrics.put("history", history);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "manifest.json", json.writeValueAsBytes(manifest));
            entry(zip, "configuration.json", json.writeValueAsBytes(configuration));
            entry(zip, "metrics.json", json.writeValueAsBytes(metrics));
            entry(zip, "memory.json", memoryExport);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the backup", e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
