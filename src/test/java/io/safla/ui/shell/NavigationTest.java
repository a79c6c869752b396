package io.safla.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.safla.ui.kit.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class NavigationTest extends KaribuTest {

    @BeforeEach
    void setUp() {
        startUi();
    }

    @ParameterizedTest
    @CsvSource({"'',Demo", "memory,Memory", "safety,Safety", "benchmark,Benchmark", "settings,Settings"})
    void route_navigated_showsItsHeading(String route, String heading) {
        UI.getCurrent().navigate(route);

        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo(heading);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo(heading + " | SAFLA");
    }

    @Test
    void shell_listsTheFiveTabsInOrder() {
        UI.getCurrent().navigate("");

        SideNav nav = _get(SideNav.class, spec -> spec.withId("main-nav"));
        assertThat(nav.getItems())
                .extracting(SideNavItem::getLabel)
                .containsExactly("Demo", "Memory", "Safety", "Benchmark", "Settings");
        assertThat(nav.getItems())
                .extracting(SideNavItem::getPath)
                .containsExactly("", "memory", "safety", "benchmark", "settings");
    }

    @Test
    void shell_showsHealthBadgeFromActuator() {
        UI.getCurrent().navigate("safety");

        assertThat(_get(Button.class, spec -> spec.withId("health-badge")).getText())
                .isIn("UP", "DEGRADED", "DOWN");
    }
}
