package io.safla.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Warnings an operator should see once at start-up. Values of secrets are never logged. */
@Component
class StartupChecks {

    private static final Logger log = LoggerFactory.getLogger(StartupChecks.class);

    private final AppProperties app;
    private final HuggingFaceProperties huggingFace;

    StartupChecks(AppProperties app, HuggingFaceProperties huggingFace) {
        this.app = app;
        this.huggingFace = huggingFace;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        log.info(
                "SAFLA Space ready: environment={}, data dir={}, profile={}, on a Space={}",
                app.environment(),
                app.dataDir().toAbsolutePath(),
                app.configPath(),
                app.onSpace());
        if (huggingFace.effectiveToken().isEmpty()) {
            log.info("No HuggingFace token configured (HUGGINGFACE_API_KEY / HF_TOKEN); none is needed to run");
        } else if (!huggingFace.tokenLooksValid()) {
            log.warn("The HuggingFace token in HUGGINGFACE_API_KEY / HF_TOKEN does not look like a user access token"
                    + " (expected hf_ followed by at least 17 characters); check for a paste error");
        }
        if (app.production() && app.debug()) {
            log.warn("DEBUG=true with ENVIRONMENT=production: debug logs may be large; visitors still see no details");
        }
        if (app.adminToken() == null && app.production()) {
            log.info("ADMIN_TOKEN is not set: engine-wide settings are read-only for everyone");
        }
    }
}
