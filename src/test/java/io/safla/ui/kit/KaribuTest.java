package io.safla.ui.kit;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Karibu view tests against the real Spring context; subclasses choose their {@code @SpringBootTest}. */
public abstract class KaribuTest {

    /** Texts that have broken parsers, renderers or layouts somewhere; every form must take them calmly. */
    protected static final List<String> HOSTILE = List.of(
            "",
            "   ",
            "\u0000\uffff\ud800",
            "\u202e\u200b\u200d\ufeff 👩‍💻",
            "<script>alert(1)</script>",
            "'; DROP TABLE memories; --",
            "${jndi:ldap://x}",
            "{{7*7}}",
            "a".repeat(1000),
            "a".repeat(1001),
            "ñ".repeat(5_000),
            "\n\n\n",
            "%00%2e%2e/%2e%2e/etc/passwd");

    private static Routes routes;

    @Autowired
    private ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("io.safla");
        // Karibu's scan skips non-public classes; the views are package-private, so find them as Spring does
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (BeanDefinition view : scanner.findCandidateComponents("io.safla")) {
            routes.getRoutes().add(viewClass(view.getBeanClassName()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Component> viewClass(@Nullable String name) {
        try {
            return (Class<? extends Component>) Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a scanned view class is missing: " + name, e);
        }
    }

    /** A fresh mocked browser session and UI. */
    protected void startUi() {
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
    }

    @AfterEach
    void stopUi() {
        MockVaadin.tearDown();
    }
}
