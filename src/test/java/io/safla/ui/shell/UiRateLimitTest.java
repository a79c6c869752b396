package io.safla.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import io.micrometer.core.instrument.MeterRegistry;
import io.safla.ui.kit.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Same context as ApiRateLimitTest: a limit of 5 per minute. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"safla.ratelimit.per-minute=5", "safla.app.admin-token=test-operator-token-123"})
class UiRateLimitTest extends KaribuTest {

    @Autowired
    private MeterRegistry registry;

    @BeforeEach
    void setUp() {
        startUi();
    }

    @Test
    void actions_beyondTheLimit_showACountdownInsteadOfRunning() {
        UI.getCurrent().navigate("");
        double before = registry.find("safla.ui.action").tag("action", "health.panel").timers().stream()
                .mapToDouble(t -> t.count())
                .sum();

        for (int i = 0; i < 5; i++) {
            _click(_get(Button.class, spec -> spec.withId("health-badge")));
            _get(HealthPanel.class).close();
        }
        _click(_get(Button.class, spec -> spec.withId("health-badge")));

        assertThat(_find(HealthPanel.class)).isEmpty();
        Notification notification = NotificationsKt.getNotifications().get(0);
        assertThat(_get(notification, Span.class, spec -> {}).getText())
                .matches("Slow down: at most 5 actions a minute\\. Try again in \\d+ s\\.");
        double after = registry.find("safla.ui.action").tag("action", "health.panel").timers().stream()
                .mapToDouble(t -> t.count())
                .sum();
        assertThat(after - before).isEqualTo(5);
    }
}
