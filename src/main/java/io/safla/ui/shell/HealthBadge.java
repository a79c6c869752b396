package io.safla.ui.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import io.safla.monitor.HealthLevel;
import io.safla.monitor.HealthSnapshot;
import io.safla.monitor.service.AnalyticsService;
import io.safla.system.service.SaflaManager;
import io.safla.ui.kit.VisitorActions;
import org.jspecify.annotations.Nullable;

/** The header badge: UP, DEGRADED or DOWN, pushed live; a click opens the health panel. */
public class HealthBadge extends Button {

    private final SaflaManager manager;
    private @Nullable Runnable unsubscribe;

    public HealthBadge(SaflaManager manager, AnalyticsService analytics, VisitorActions actions) {
        this.manager = manager;
        setId("health-badge");
        addThemeVariants(ButtonVariant.LUMO_SMALL);
        addClickListener(e -> actions.run("health.panel", () -> new HealthPanel(manager, analytics).open()));
        show(manager.status());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        show(manager.status());
        unsubscribe = manager.subscribe(snapshot -> ui.access(() -> show(snapshot)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    void show(HealthSnapshot snapshot) {
        HealthLevel level = snapshot.overall();
        setText(level.name());
        removeClassNames("health-up", "health-degraded", "health-down");
        addClassName("health-" + level.name().toLowerCase());
        String reasons = snapshot.components().stream()
                .filter(c -> c.level() != HealthLevel.UP)
                .map(c -> c.name() + ": " + c.detail())
                .reduce((a, b) -> a + "; " + b)
                .orElse("all components UP");
        setTooltipText("Health " + level + " (" + reasons + "). Click for the health panel.");
        getElement().setAttribute("aria-label", "Application health " + level + ", open the health panel");
    }
}
