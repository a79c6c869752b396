package io.safla.ui.kit;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/**
 * Fired on a UI when this visitor's view preferences were applied to it: after a save or reset, and after they were
 * read back from the browser on a new page load. Views that start from a preference listen, so a restored choice
 * reaches a view that was built before the browser answered.
 */
public class ViewPreferencesApplied extends ComponentEvent<UI> {

    private final ViewPreferences preferences;
    private final boolean dark;

    ViewPreferencesApplied(UI ui, ViewPreferences preferences, boolean dark) {
        super(ui, false);
        this.preferences = preferences;
        this.dark = dark;
    }

    public ViewPreferences preferences() {
        return preferences;
    }

    /** Whether the dark theme is on now; for {@link ViewPreferences.Theme#SYSTEM} the browser decided. */
    public boolean dark() {
        return dark;
    }
}
