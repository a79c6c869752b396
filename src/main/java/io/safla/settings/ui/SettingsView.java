package io.safla.settings.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.safla.ui.ViewHeader;

@Route("settings")
@PageTitle("Settings | SAFLA")
@Menu(order = 4, icon = "vaadin:cog", title = "Settings")
public class SettingsView extends VerticalLayout {

    SettingsView() {
        setId("settings-view");
        add(new ViewHeader("Settings", "The engine's settings with their allowed ranges: vector dimension and embedder, memory capacity, similarity threshold, retention, safety level and risk tolerance, cache and batch sizes, with an impact preview, history, export and import. Engine-wide changes need the operator token on a public Space."));
    }
}
