package io.safla.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Karibu view tests against the real Spring context; subclasses choose their {@code @SpringBootTest}. */
abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    private ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("io.safla");
    }

    /** A fresh mocked browser session and UI. */
    void startUi() {
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
    }

    @AfterEach
    void stopUi() {
        MockVaadin.tearDown();
    }
}
