package io.safla.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import io.safla.memory.service.MemoryService;
import io.safla.ui.kit.EChart;
import io.safla.ui.kit.KaribuTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What a screen reader needs on every view and the health panel: each input has a label, each button a name, each
 * grid and chart an accessible name. Lists every offender, so one run shows them all.
 */
@SpringBootTest
class AccessibilityTest extends KaribuTest {

    @Autowired
    private MemoryService memory;

    @BeforeEach
    void setUp() {
        memory.load();
        startUi();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "memory", "safety", "benchmark", "settings"})
    void everyInputButtonGridAndChart_hasAnAccessibleName(String route) {
        UI.getCurrent().navigate(route);

        assertThat(unnamed())
                .as("components without an accessible name on /" + route)
                .isEmpty();
    }

    @Test
    void theHealthPanel_andTheHeaderControls_haveAccessibleNames() {
        UI.getCurrent().navigate("memory");
        _click(_get(HealthBadge.class));

        assertThat(_find(HealthPanel.class)).hasSize(1);
        assertThat(_get(HealthPanel.class).getElement().getProperty("ariaLabel"))
                .isEqualTo("Health");
        assertThat(unnamed()).isEmpty();
    }

    private static List<String> unnamed() {
        List<String> offenders = new ArrayList<>();
        for (Component c : _find(Component.class)) {
            String aria = c.getElement().getAttribute("aria-label");
            boolean hasAria = aria != null && !aria.isBlank() || c.getElement().getAttribute("aria-labelledby") != null;
            if (c instanceof HasValue<?, ?>
                    && c instanceof HasLabel labelled
                    && blank(labelled.getLabel())
                    && !hasAria) {
                offenders.add("input without a label: " + describe(c));
            } else if (c instanceof Button button && blank(button.getText()) && !hasAria) {
                offenders.add("button without a name: " + describe(c));
            } else if (c instanceof Grid<?> grid && blank(grid.getAriaLabel().orElse(null))) {
                offenders.add("grid without an aria-label: " + describe(c));
            } else if (c instanceof EChart && (!hasAria || "Chart".equals(aria))) {
                offenders.add("chart without a description: " + describe(c));
            }
        }
        return offenders;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String describe(Component c) {
        return c.getClass().getSimpleName()
                + c.getId().map(id -> "#" + id).orElse("")
                + c.getParent().map(p -> " in " + p.getClass().getSimpleName()).orElse("");
    }
}
