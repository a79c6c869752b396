package io.safla.ui.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import io.safla.monitor.HealthLevel;
import io.safla.monitor.HealthSnapshot;
import io.safla.monitor.service.AnalyticsService;
import io.safla.monitor.service.HealthSampler;
import io.safla.ui.kit.VisitorActions;
import org.jspecify.annotations.Nullable;

/** The header badge: UP, DEGRADED or DOWN, pushed live; a click opens the health panel. */
public class HealthBadge extends Button {

    private final HealthSampler sampler;
    private @Nullable Runnable unsubscribe;

    public HealthBadge(HealthSampler sampler, AnalyticsService analytics, VisitorActions actions) {
        this.sampler = sampler;
        setId("health-badge");
        addThemeVariants(ButtonVariant.LUMO_SMALL);
        addClickListener(e -> actions.run("health.panel", () -> new HealthPanel(sampler, analytics).open()));
        show(sampler.latest());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        show(sampler.latest());
        unsubscribe = sampler.subscribe(snapshot -> ui.access(() -> show(snapshot)));
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
        String reasons = snapshot.components().stream().filter(c -> c.level() != HealthLevel.UP)
                .map(c -> c.name() + ": " + c.detail()).reduce((a, b) -> a + "; " + b).orElse("all components UP");
        setTooltipText("Health " + level + " (" + reasons + "). Click for the health panel.");
        getElement().setAttribute("aria-label", "Application health " + level + ", open the health panel");
    }
}
