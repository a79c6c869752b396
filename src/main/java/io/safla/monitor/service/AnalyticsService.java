package io.safla.monitor.service;

import io.safla.config.AppProperties;
import io.safla.monitor.AnalyticsEvent;
import io.safla.monitor.AnalyticsLog;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code ENABLE_ANALYTICS}: when on, each interaction becomes a JSON line on the {@code safla.analytics} logger and
 * an entry in memory for the panel's chart; when off, nothing is recorded at all. Session ids are hashed with a
 * per-process random key, so the hashes cannot be linked across restarts or back to a cookie.
 */
@Service
public class AnalyticsService {

    private static final Logger analytics = LoggerFactory.getLogger("safla.analytics");

    private final boolean enabled;
    private final Clock clock;
    private final ObjectMapper json;
    private final AnalyticsLog log = new AnalyticsLog(10_000);
    private final SecretKeySpec key;

    AnalyticsService(AppProperties app, Clock clock, ObjectMapper json) {
        this.enabled = app.enableAnalytics();
        this.clock = clock;
        this.json = json;
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        this.key = new SecretKeySpec(salt, "HmacSHA256");
    }

    public boolean enabled() {
        return enabled;
    }

    /** The events kept (at most the log's capacity), oldest first. */
    public List<AnalyticsEvent> events() {
        return log.events();
    }

    /** Interactions per feature in each of the last {@code minutes} minutes up to {@code now}, oldest first. */
    public Map<String, long[]> perMinute(Instant now, int minutes) {
        return log.perMinute(now, minutes);
    }

    public void record(String sessionId, String eventType, String feature, long responseMicros, boolean success) {
        if (!enabled) {
            return;
        }
        AnalyticsEvent event =
                new AnalyticsEvent(clock.instant(), eventType, hash(sessionId), feature, responseMicros, success);
        log.add(event);
        try {
            analytics.info(json.writeValueAsString(event));
        } catch (JacksonException e) {
            analytics.warn("analytics event not serialisable: {}", e.getOriginalMessage());
        }
    }

    String hash(String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
