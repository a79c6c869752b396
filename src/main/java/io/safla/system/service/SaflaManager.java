package io.safla.system.service;

import io.safla.config.AppProperties;
import io.safla.config.ConfigVariable;
import io.safla.memory.service.MemoryService;
import io.safla.monitor.HealthSnapshot;
import io.safla.monitor.SecretRedactor;
import io.safla.monitor.service.HealthSampler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system-wide questions in one place, the seed's {@code get_system_status}, {@code get_configuration} and
 * {@code backup_system_state}: the status of every part (the health sampler's latest snapshot, pushed to
 * subscribers), the configuration in force (secrets redacted), the operator's system report, and the backup. The
 * health panel, {@code /api/status}, {@code /admin} and {@code /api/system/*} all ask here.
 *
 * <p>The backup is one zip with the effective configuration (secrets redacted), a metrics
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
public class SaflaManager {

    public static final String UNSET = "(unset)";

    private final Environment environment;
    private final HealthSampler sampler;
    private final MemoryService memory;
    private final AppProperties app;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder()
            .findAndAddModules()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    SaflaManager(Environment environment, HealthSampler sampler, MemoryService memory, AppProperties app, Clock clock) {
        this.environment = environment;
        this.sampler = sampler;
        this.memory = memory;
        this.app = app;
        this.clock = clock;
    }

    // --- status of every part

    /** The latest health snapshot: every component with its level and reason, and the process figures. */
    public HealthSnapshot status() {
        return sampler.latest();
    }

    /** The recent snapshots, oldest first, for the trend charts. */
    public List<HealthSnapshot> statusHistory() {
        return sampler.history();
    }

    /** Calls the listener with every new snapshot; the returned action unsubscribes. */
    public Runnable subscribe(Consumer<HealthSnapshot> listener) {
        return sampler.subscribe(listener);
    }

    /** What the last automatic memory clean-up did, or that none ran. */
    public String lastCleanupNote() {
        return sampler.lastCleanupNote();
    }

    // --- the configuration in force

    /** Every variable of the configuration table with its property, effective value (redacted) and default. */
    public List<Setting> configuration() {
        return configuration(environment);
    }

    // --- the operator's report

    /**
     * @param javaVersion runtime name and version
     * @param os operating system, version and architecture
     * @param workingDirectory where the process runs
     * @param dataDirectory {@code SAFLA_DATA_DIR}, absolute
     * @param environment every environment variable, secrets redacted
     * @param health the latest health snapshot (memory, CPU count and load)
     */
    public record SystemReport(
            String javaVersion,
            String os,
            String workingDirectory,
            String dataDirectory,
            Map<String, String> environment,
            HealthSnapshot health) {}

    /** The process, its environment (redacted) and the latest health, for the operator page. */
    public SystemReport report() {
        return new SystemReport(
                System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Path.of("").toAbsolutePath().toString(),
                app.dataDir().toAbsolutePath().toString(),
                SecretRedactor.redactAll(System.getenv()),
                sampler.latest());
    }

    /** A dump of every live thread, for diagnosing a stuck or busy server. */
    public String threadDump() {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            out.append(info.toString());
        }
        return out.toString();
    }

    // --- the backup

    /** The backup as zip bytes. Fails with the memory service's message while the engine is still loading. */
    public byte[] backupZip() {
        byte[] memoryExport = memory.exportJson();
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
        return java.util.Arrays.stream(ConfigVariable.values())
                .map(v -> {
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
                })
                .toList();
    }

    byte[] zip(
            Instant at,
            List<Setting> configuration,
            HealthSnapshot latest,
            List<HealthSnapshot> history,
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
