package io.safla.ui.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.PasswordField;
import io.safla.ui.kit.KaribuTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Shares its context with ApiRateLimitTest and UiRateLimitTest: limit 5 per minute, an operator token set. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"safla.ratelimit.per-minute=5", "safla.app.admin-token=test-operator-token-123"})
class OperatorViewTest extends KaribuTest {

    @BeforeEach
    void setUp() {
        startUi();
    }

    @Test
    void wrongToken_isRefused_rightToken_showsRedactedReport() {
        UI.getCurrent().navigate("admin");
        _setValue(_get(PasswordField.class, spec -> spec.withId("operator-token")), "guess-guess-guess");
        _click(_get(Button.class, spec -> spec.withText("Unlock")));
        assertThat(_find(Grid.class, spec -> spec.withId("operator-environment")))
                .isEmpty();
        assertThat(_get(PasswordField.class, spec -> spec.withId("operator-token"))
                        .isInvalid())
                .isTrue();

        _setValue(_get(PasswordField.class, spec -> spec.withId("operator-token")), "test-operator-token-123");
        _click(_get(Button.class, spec -> spec.withText("Unlock")));

        @SuppressWarnings("unchecked")
        Grid<Map.Entry<String, String>> environment = _get(Grid.class, spec -> spec.withId("operator-environment"));
        for (int i = 0; i < GridKt._size(environment); i++) {
            Map.Entry<String, String> row = GridKt._get(environment, i);
            if (row.getKey().endsWith("TOKEN") || row.getKey().endsWith("KEY")) {
                assertThat(row.getValue()).isEqualTo("[redacted]");
            }
        }
        assertThat(_get(Anchor.class, spec -> spec.withId("operator-backup")).getText())
                .isEqualTo("Download system backup");
        _click(_get(Button.class, spec -> spec.withText("Thread dump")));
        assertThat(_get(Pre.class, spec -> spec.withId("operator-thread-dump")).getText())
                .contains("\"main\"");
    }
}
