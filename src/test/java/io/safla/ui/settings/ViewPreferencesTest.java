package io.safla.ui.settings;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import io.safla.memory.service.MemoryService;
import io.safla.safety.SafetyLevel;
import io.safla.settings.service.SettingsService;
import io.safla.ui.kit.KaribuTest;
import io.safla.ui.kit.ViewPreferences;
import io.safla.ui.kit.VisitorPreferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The header's theme switch and the per-visitor view preferences, in production (engine settings read-only). */
@SpringBootTest(properties = "safla.app.environment=production")
class ViewPreferencesTest extends KaribuTest {

    @Autowired
    private MemoryService memory;

    @Autowired
    private SettingsService settings;

    @Autowired
    private VisitorPreferences preferences;

    @BeforeEach
    void setUp() {
        memory.load();
        startUi();
    }

    @Test
    void themeToggle_switchesTheUiElementToDarkAndBack_andSaysSoToAssistiveTechnology() {
        UI.getCurrent().navigate("memory");
        Button toggle = _get(Button.class, spec -> spec.withId("theme-toggle"));
        assertThat(toggle.getAriaLabel()).contains("Dark theme");
        assertThat(toggle.getElement().getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(UI.getCurrent().getElement().getThemeList()).doesNotContain("dark");

        _click(toggle);

        assertThat(UI.getCurrent().getElement().getThemeList()).contains("dark");
        assertThat(UI.getCurrent().getElement().getAttribute("theme")).contains("dark");
        assertThat(toggle.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(preferences.current().theme()).isEqualTo(ViewPreferences.Theme.DARK);

        _click(toggle);

        assertThat(UI.getCurrent().getElement().getThemeList()).doesNotContain("dark");
        assertThat(preferences.current().theme()).isEqualTo(ViewPreferences.Theme.LIGHT);
    }

    @Test
    void followingTheSystem_aSystemSwitchToDarkIsFollowed_butNotOnceTheVisitorChoseLight() {
        UI.getCurrent().navigate("memory");
        Button toggle = _get(Button.class, spec -> spec.withId("theme-toggle"));

        systemSwitchesTo(true);

        assertThat(UI.getCurrent().getElement().getThemeList()).contains("dark");
        assertThat(toggle.getElement().getAttribute("aria-pressed")).isEqualTo("true");

        _click(toggle);
        systemSwitchesTo(true);

        assertThat(preferences.current().theme()).isEqualTo(ViewPreferences.Theme.LIGHT);
        assertThat(UI.getCurrent().getElement().getThemeList()).doesNotContain("dark");
    }

    /** What the page reports when the system's light/dark preference changes. */
    private static void systemSwitchesTo(boolean dark) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("event.detail.dark", dark);
        BasicUtilsKt._fireDomEvent(UI.getCurrent(), VisitorPreferences.SYSTEM_THEME_EVENT, detail);
    }

    @Test
    @SuppressWarnings("unchecked")
    void savedPreferences_workWhileEngineSettingsAreReadOnly_andAreWhereMemoryAndSafetyStart() {
        UI.getCurrent().navigate("settings");
        assertThat(_get(IntegerField.class, spec -> spec.withId("setting-capacity"))
                        .isReadOnly())
                .isTrue();

        _setValue(_get(IntegerField.class, spec -> spec.withId("pref-k")), 25);
        _setValue(_get(NumberField.class, spec -> spec.withId("pref-threshold")), 0.4);
        _setValue(_get(Select.class, spec -> spec.withId("pref-safety")), SafetyLevel.STRICT);
        _setValue(_get(Checkbox.class, spec -> spec.withId("pref-compact")), true);
        _click(_get(Button.class, spec -> spec.withId("pref-save")));

        assertThat(preferences.saved()).isTrue();
        assertThat(UI.getCurrent().getElement().getClassList()).contains("density-compact");
        UI.getCurrent().navigate("memory");
        assertThat(_get(IntegerField.class, spec -> spec.withId("search-k")).getValue())
                .isEqualTo(25);
        assertThat(_get(NumberField.class, spec -> spec.withId("search-threshold"))
                        .getValue())
                .isEqualTo(0.4);
        UI.getCurrent().navigate("safety");
        assertThat(_get(Select.class, spec -> spec.withId("safety-level")).getValue())
                .isEqualTo(SafetyLevel.STRICT);

        UI.getCurrent().navigate("settings");
        _click(_get(Button.class, spec -> spec.withId("pref-reset")));
        assertThat(preferences.saved()).isFalse();
        assertThat(UI.getCurrent().getElement().getClassList()).doesNotContain("density-compact");
        UI.getCurrent().navigate("memory");
        assertThat(_get(IntegerField.class, spec -> spec.withId("search-k")).getValue())
                .isEqualTo(10);
        assertThat(_get(NumberField.class, spec -> spec.withId("search-threshold"))
                        .getValue())
                .isEqualTo(settings.current().defaultThreshold());
    }

    @Test
    void outOfRangePreferences_showTheirErrors_andNothingIsSaved() {
        UI.getCurrent().navigate("settings");
        _setValue(_get(IntegerField.class, spec -> spec.withId("pref-k")), 0);
        _setValue(_get(NumberField.class, spec -> spec.withId("pref-threshold")), 1.5);

        _click(_get(Button.class, spec -> spec.withId("pref-save")));

        IntegerField k = _get(IntegerField.class, spec -> spec.withId("pref-k"));
        NumberField threshold = _get(NumberField.class, spec -> spec.withId("pref-threshold"));
        assertThat(k.isInvalid()).isTrue();
        assertThat(k.getErrorMessage()).isEqualTo("must be between 1 and 100");
        assertThat(threshold.isInvalid()).isTrue();
        assertThat(threshold.getErrorMessage()).isEqualTo("must be between 0 and 1");
        NotificationsKt.expectNotifications("Preferences not saved: please correct the highlighted values.");
        assertThat(preferences.saved()).isFalse();
    }

    @Test
    void theBrowserCopy_roundTrips_andAnUnreadableOrOutOfRangeCopyIsIgnored() {
        ViewPreferences chosen = new ViewPreferences(ViewPreferences.Theme.DARK, 7, 0.25, SafetyLevel.PERMISSIVE, true);

        assertThat(preferences.parse(preferences.toJson(chosen))).isEqualTo(chosen);
        // the page's early script (AppShell.EARLY_THEME) reads exactly these two fields
        assertThat(preferences.toJson(chosen)).contains("\"theme\":\"DARK\"").contains("\"compact\":true");
        assertThat(preferences.parse(null)).isNull();
        assertThat(preferences.parse("not json")).isNull();
        assertThat(preferences.parse(preferences.toJson(chosen).replace("\"resultCount\":7", "\"resultCount\":700")))
                .isNull();
        assertThat(preferences.parse("{\"theme\":\"SEPIA\"}")).isNull();
        assertThatThrownBy(() -> new ViewPreferences(ViewPreferences.Theme.LIGHT, 10, -0.1, SafetyLevel.DEFAULT, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold=must be between 0 and 1");
    }
}
