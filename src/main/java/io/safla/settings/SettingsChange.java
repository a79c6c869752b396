package io.safla.settings;

import java.time.Instant;
import java.util.Objects;

/**
 * One applied change of one setting, for the history.
 *
 * @param at when it was applied
 * @param setting which setting
 * @param before the value before
 * @param after the value after
 * @param by who applied it: "operator" or an anonymous visitor hash
 */
public record SettingsChange(Instant at, String setting, String before, String after, String by) {

    public SettingsChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(setting, "setting");
    }
}
