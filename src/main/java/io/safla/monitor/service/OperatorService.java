package io.safla.monitor.service;

import io.safla.config.AppProperties;
import io.safla.monitor.HealthSnapshot;
import io.safla.monitor.SecretRedactor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The operator-only status page's data, behind {@code ADMIN_TOKEN}. */
@Service
public class OperatorService {

    private final AppProperties app;
    private final HealthSampler sampler;

    OperatorService(AppProperties app, HealthSampler sampler) {
        this.app = app;
        this.sampler = sampler;
    }

    /**
     * @param javaVersion runtime name and version
     * @param os operating system, version and architecture
     * @param workingDirectory where the process runs
     * @param dataDirectory {@code SAFLA_DATA_DIR}, absolute
     * @param environment every environment variable, secrets redacted
     * @param health the latest health snapshot (memory, CPU count and load)
     */
    public record SystemReport(String javaVersion, String os, String workingDirectory, String dataDirectory,
            Map<String, String> environment, HealthSnapshot health) {}

    public boolean enabled() {
        return app.adminToken() != null && !app.adminToken().isBlank();
    }

    /** Constant-time comparison, so response time tells nothing about how much of a guess was right. */
    public boolean verify(String candidate) {
        if (!enabled() || candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(app.adminToken().getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    public SystemReport report() {
        return new SystemReport(
                System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Path.of("").toAbsolutePath().toString(), app.dataDir().toAbsolutePath().toString(),
                SecretRedactor.redactAll(System.getenv()), sampler.latest());
    }

    /** A dump of every live thread, for diagnosing a stuck or busy server. */
    public String threadDump() {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            out.append(info.toString());
        }
        return out.toString();
    }
}
