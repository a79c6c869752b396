package io.safla.ui.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import io.safla.monitor.service.AnalyticsService;
import io.safla.system.service.SaflaManager;
import io.safla.ui.kit.VisitorActions;
import io.safla.ui.kit.VisitorPreferences;

/**
 * The dashboard shell: title, navigation built from the views' {@code @Menu} entries, the light/dark switch and the
 * health badge.
 */
@Layout
@StyleSheet("context://styles/app.css")
public class MainLayout extends AppLayout {

    private final VisitorPreferences preferences;

    MainLayout(
            SaflaManager manager, AnalyticsService analytics, VisitorActions actions, VisitorPreferences preferences) {
        this.preferences = preferences;
        setPrimarySection(Section.NAVBAR);
        addToNavbar(createHeader(new ThemeToggle(preferences), new HealthBadge(manager, analytics, actions)));
        addToDrawer(createNavigation());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // every page load starts light; the visitor's theme and density are applied as soon as the shell is there
        preferences.restore(event.getUI());
    }

    private Div createHeader(ThemeToggle themeToggle, HealthBadge badge) {
        H1 title = new H1("SAFLA");
        title.addClassName("app-title");
        Span subtitle = new Span("Self-Aware Feedback Loop Algorithm");
        subtitle.addClassName("app-subtitle");
        Div spacer = new Div();
        spacer.addClassName("app-header-spacer");
        DrawerToggle drawerToggle = new DrawerToggle();
        drawerToggle.setAriaLabel("Show or hide the navigation");
        Div header = new Div(drawerToggle, title, subtitle, spacer, themeToggle, badge);
        header.addClassName("app-header");
        return header;
    }

    private SideNav createNavigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        nav.addClassName("app-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }
}
