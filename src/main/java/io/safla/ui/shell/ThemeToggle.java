package io.safla.ui.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import io.safla.ui.kit.ViewPreferences;
import io.safla.ui.kit.VisitorPreferences;

/**
 * The header's light/dark switch, a toggle button for assistive technology ({@code aria-pressed} says whether dark
 * is on). A click saves an explicit choice in the visitor's preferences, which then no longer follow the system.
 */
class ThemeToggle extends Button {

    private final VisitorPreferences preferences;
    private Registration applied;

    ThemeToggle(VisitorPreferences preferences) {
        this.preferences = preferences;
        setId("theme-toggle");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        setAriaLabel("Dark theme");
        addClickListener(e -> toggle());
        show(false);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        applied = VisitorPreferences.addAppliedListener(event.getUI(), e -> show(e.dark()));
        show(dark(event.getUI()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        applied.remove();
        super.onDetach(event);
    }

    void toggle() {
        boolean darkNow = dark(UI.getCurrent());
        preferences.save(
                preferences.current().withTheme(darkNow ? ViewPreferences.Theme.LIGHT : ViewPreferences.Theme.DARK));
    }

    private static boolean dark(UI ui) {
        return ui.getElement().getThemeList().contains(VisitorPreferences.DARK);
    }

    private void show(boolean dark) {
        setIcon((dark ? VaadinIcon.SUN_O : VaadinIcon.MOON_O).create());
        getElement().setAttribute("aria-pressed", String.valueOf(dark));
        setTooltipText(dark ? "Switch to the light theme" : "Switch to the dark theme");
    }
}
