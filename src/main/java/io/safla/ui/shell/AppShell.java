package io.safla.ui.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page around every view: the Lumo theme (Vaadin 25 applies none unless asked; our stylesheet builds on Lumo's
 * properties), server push, and the visitor's saved theme applied before the first paint.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
public class AppShell implements AppShellConfigurator {

    /**
     * Applies the theme and density saved by the header switch or the Settings tab (key and format of
     * {@code io.safla.ui.kit.VisitorPreferences}) before the first paint, so a dark page does not flash light while
     * the server answers; the server applies the same choice again once the UI is up.
     */
    private static final String EARLY_THEME = """
            try {
              var saved = JSON.parse(localStorage.getItem('safla.view-preferences') || '{}') || {};
              var theme = saved.theme || 'SYSTEM';
              if (theme === 'DARK' || (theme === 'SYSTEM' && window.matchMedia
                  && window.matchMedia('(prefers-color-scheme: dark)').matches)) {
                document.documentElement.setAttribute('theme', 'dark');
              }
              if (saved.compact === true) {
                document.documentElement.classList.add('density-compact');
              }
            } catch (e) { }""";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addInlineWithContents(Inline.Position.PREPEND, EARLY_THEME, Inline.Wrapping.JAVASCRIPT);
    }
}
