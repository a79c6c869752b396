package io.safla.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * One interaction, as the seed's analytics records it. No personal data: the session id is a salted hash.
 *
 * @param time when it finished
 * @param eventType e.g. {@code ui_action}, {@code api_call}
 * @param sessionHash 12 hex digits of a per-process salted hash of the session id
 * @param feature e.g. {@code memory.search}
 * @param responseMicros how long it took
 * @param success whether it completed without error
 */
public record AnalyticsEvent(
        Instant time, String eventType, String sessionHash, String feature, long responseMicros, boolean success) {

    public AnalyticsEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(sessionHash, "sessionHash");
        Objects.requireNonNull(feature, "feature");
    }
}
