package io.safla.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.server.ErrorEvent;
import io.safla.config.AppProperties;
import io.safla.ui.kit.KaribuTest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ErrorHandlingTest extends KaribuTest {

    @BeforeEach
    void setUp() {
        startUi();
    }

    @Test
    void failingView_showsAnErrorIdButNoInternals() {
        UI.getCurrent().navigate("test/failing");

        Div error = _get(Div.class, spec -> spec.withId("error-view"));
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("Something went wrong");
        assertThat(error.getElement().getTextRecursively())
                .containsPattern("error was logged with id [0-9a-f]{8}")
                .doesNotContain("secret internal detail")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at io.safla");
    }

    @Test
    void uiError_inProduction_notifiesWithIdOnly() {
        AppProperties production = new AppProperties(
                AppProperties.DeploymentEnvironment.PRODUCTION,
                false,
                AppProperties.LogLevel.INFO,
                7860,
                Path.of("target/test-data"),
                3600,
                10,
                true,
                null,
                null,
                null);

        new ErrorHandlingInitListener.VisitorErrorHandler(production)
                .error(new ErrorEvent(new IllegalArgumentException("secret internal detail")));
        MockVaadin.clientRoundtrip(false);

        assertThat(NotificationsKt.getNotifications())
                .singleElement()
                .satisfies(n -> assertThat(n.getElement().getProperty("text"))
                        .matches("Something went wrong \\(error id [0-9a-f]{8}\\)"));
    }

    @Test
    void uiError_inDevelopment_namesTheException() {
        AppProperties development = new AppProperties(
                AppProperties.DeploymentEnvironment.DEVELOPMENT,
                false,
                AppProperties.LogLevel.INFO,
                7860,
                Path.of("target/test-data"),
                3600,
                10,
                true,
                null,
                null,
                null);

        new ErrorHandlingInitListener.VisitorErrorHandler(development)
                .error(new ErrorEvent(new IllegalArgumentException("bad k")));
        MockVaadin.clientRoundtrip(false);

        assertThat(NotificationsKt.getNotifications().get(0).getElement().getProperty("text"))
                .contains("IllegalArgumentException bad k");
    }
}
