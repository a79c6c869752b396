package io.safla.ui.kit;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import io.safla.safety.service.SafetyService;
import io.safla.settings.service.SettingsService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * This visitor's {@link ViewPreferences}: kept in the Vaadin session, copied to the browser's localStorage so they
 * survive a reload or a new session, and applied to the page (theme, density). A visitor who never saved any follows
 * the engine's defaults, so an operator's change of the default threshold or safety level still reaches them.
 */
@Component
public class VisitorPreferences {

    static final String KEY = "safla.view-preferences";
    public static final String DARK = "dark";
    static final String COMPACT = "density-compact";
    static final int DEFAULT_RESULT_COUNT = 10;
    private static final Logger log = LoggerFactory.getLogger(VisitorPreferences.class);
    public static final String SYSTEM_THEME_EVENT = "safla-system-theme";
    /**
     * Lumo reads the theme attribute on the document; the chart element watches it there to switch its palette. While
     * the choice is "system", a change of the system's preference (a laptop switching to dark at dusk) is followed at
     * once and reported to the server, so the switch in the header stays right.
     */
    private static final String APPLY_THEME_JS = """
            const root = document.documentElement;
            window.saflaSetDark = window.saflaSetDark || (dark => {
              const themes = (root.getAttribute('theme') || '').split(/\\s+/).filter(t => t && t !== 'dark');
              if (dark) themes.push('dark');
              root.setAttribute('theme', themes.join(' '));
            });
            window.saflaThemeChoice = $0;
            const systemDark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
            if (systemDark && !window.saflaFollowsSystem) {
              window.saflaFollowsSystem = true;
              systemDark.addEventListener('change', e => {
                if (window.saflaThemeChoice !== 'SYSTEM') return;
                window.saflaSetDark(e.matches);
                document.body.dispatchEvent(new CustomEvent('safla-system-theme', { detail: { dark: e.matches } }));
              });
            }
            const dark = $0 === 'DARK' || ($0 === 'SYSTEM' && !!systemDark && systemDark.matches);
            window.saflaSetDark(dark);
            root.classList.toggle('density-compact', $1);
            return dark;""";

    private final SettingsService settings;
    private final SafetyService safety;
    private final ObjectMapper json;

    VisitorPreferences(SettingsService settings, SafetyService safety, ObjectMapper json) {
        this.settings = settings;
        this.safety = safety;
        this.json = json;
    }

    /** The saved preferences, or the defaults when this visitor saved none. */
    public ViewPreferences current() {
        VaadinSession session = VaadinSession.getCurrent();
        Object saved = session == null ? null : session.getAttribute(KEY);
        return saved instanceof ViewPreferences preferences ? preferences : defaults();
    }

    public boolean saved() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && session.getAttribute(KEY) instanceof ViewPreferences;
    }

    /** The system's theme, k 10, and the engine's current default threshold and safety level. */
    public ViewPreferences defaults() {
        return new ViewPreferences(
                ViewPreferences.Theme.SYSTEM,
                DEFAULT_RESULT_COUNT,
                settings.current().defaultThreshold(),
                safety.defaultLevel(),
                false);
    }

    /** Keeps the preferences for this session and this browser, and applies them to the current page. */
    public void save(ViewPreferences preferences) {
        VaadinSession.getCurrent().setAttribute(KEY, preferences);
        UI ui = UI.getCurrent();
        ui.getPage().executeJs("try { localStorage.setItem($0, $1); } catch (e) { }", KEY, toJson(preferences));
        apply(ui, preferences);
    }

    /** Forgets the saved preferences here and in the browser; the defaults apply again. */
    public void reset() {
        VaadinSession.getCurrent().setAttribute(KEY, null);
        UI ui = UI.getCurrent();
        ui.getPage().executeJs("try { localStorage.removeItem($0); } catch (e) { }", KEY);
        apply(ui, defaults());
    }

    /**
     * Applies this visitor's preferences to a new page. When the session holds none yet (a new session), they are
     * read back from the browser first; a missing or unreadable copy leaves the defaults.
     */
    public void restore(UI ui) {
        if (ComponentUtil.getData(ui, SYSTEM_THEME_EVENT) == null) {
            ComponentUtil.setData(ui, SYSTEM_THEME_EVENT, Boolean.TRUE);
            ui.getElement()
                    .addEventListener(
                            SYSTEM_THEME_EVENT,
                            event -> followSystem(
                                    ui,
                                    event.getEventData()
                                            .get("event.detail.dark")
                                            .asBoolean()))
                    .addEventData("event.detail.dark");
        }
        if (saved()) {
            apply(ui, current());
            return;
        }
        ui.getPage()
                .executeJs("try { return localStorage.getItem($0); } catch (e) { return null; }", KEY)
                .then(
                        String.class,
                        stored -> {
                            ViewPreferences restored = parse(stored);
                            if (restored != null) {
                                ui.getSession().setAttribute(KEY, restored);
                            }
                            apply(ui, restored == null ? defaults() : restored);
                        },
                        failure -> apply(ui, defaults()));
    }

    public static Registration addAppliedListener(UI ui, ComponentEventListener<ViewPreferencesApplied> listener) {
        return ComponentUtil.addListener(ui, ViewPreferencesApplied.class, listener);
    }

    /**
     * Sets density and theme on the UI element and the document. An explicit light or dark choice is known here and
     * announced at once; "system" is announced when the browser has answered which one it prefers.
     */
    void apply(UI ui, ViewPreferences preferences) {
        ui.getElement().getClassList().set(COMPACT, preferences.compact());
        ViewPreferences.Theme theme = preferences.theme();
        if (theme != ViewPreferences.Theme.SYSTEM) {
            boolean dark = theme == ViewPreferences.Theme.DARK;
            setDark(ui, dark);
            ComponentUtil.fireEvent(ui, new ViewPreferencesApplied(ui, preferences, dark));
        }
        ui.getPage()
                .executeJs(APPLY_THEME_JS, theme.name(), preferences.compact())
                .then(Boolean.class, dark -> {
                    if (theme == ViewPreferences.Theme.SYSTEM) {
                        setDark(ui, Boolean.TRUE.equals(dark));
                        ComponentUtil.fireEvent(
                                ui, new ViewPreferencesApplied(ui, preferences, Boolean.TRUE.equals(dark)));
                    }
                });
    }

    /** The system switched between light and dark; matters only to a visitor who follows the system. */
    void followSystem(UI ui, boolean dark) {
        ViewPreferences preferences = current();
        if (preferences.theme() == ViewPreferences.Theme.SYSTEM) {
            setDark(ui, dark);
            ComponentUtil.fireEvent(ui, new ViewPreferencesApplied(ui, preferences, dark));
        }
    }

    private static void setDark(UI ui, boolean dark) {
        ui.getElement().getThemeList().set(DARK, dark);
    }

    public String toJson(ViewPreferences preferences) {
        try {
            return json.writeValueAsString(preferences);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored copy, or null when there is none or it no longer fits (an old format, a value out of range). */
    public @Nullable ViewPreferences parse(@Nullable String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        try {
            return json.readValue(stored, ViewPreferences.class);
        } catch (JacksonException | IllegalArgumentException e) {
            log.debug("Ignoring stored view preferences: {}", e.getMessage());
            return null;
        }
    }
}
