package io.safla.monitor.service;

import io.safla.config.AppProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Service;

/** The operator's token ({@code ADMIN_TOKEN}): whether one is set, and whether a candidate matches it. */
@Service
public class OperatorService {

    private final AppProperties app;

    OperatorService(AppProperties app) {
        this.app = app;
    }

    public boolean enabled() {
        return app.adminToken() != null && !app.adminToken().isBlank();
    }

    /** Constant-time comparison, so response time tells nothing about how much of a guess was right. */
    public boolean verify(String candidate) {
        if (!enabled() || candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(
                app.adminToken().getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }
}
