package io.safla.monitor.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import io.safla.monitor.service.HealthStatus;
import io.safla.monitor.service.HealthStatusService;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The header badge: UP, DEGRADED or DOWN from the app's Actuator health, pushed live. */
public class HealthBadge extends Span {

    private final HealthStatusService healthStatusService;
    private @Nullable Runnable unsubscribe;

    public HealthBadge(HealthStatusService healthStatusService) {
        this.healthStatusService = healthStatusService;
        setId("health-badge");
        getElement().setAttribute("role", "status");
        show(healthStatusService.latest());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        show(healthStatusService.latest());
        unsubscribe = healthStatusService.subscribe(status -> ui.access(() -> show(status)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    void show(HealthStatus status) {
        setText(status.overall().name());
        String theme = switch (status.overall()) {
            case UP -> "badge success";
            case DEGRADED -> "badge contrast";
            case DOWN -> "badge error primary";
        };
        getElement().getThemeList().clear();
        getElement().setAttribute("theme", theme);
        String detail = status.components().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        getElement().setAttribute("title", "Health " + status.overall() + (detail.isEmpty() ? "" : " (" + detail + ")"));
        getElement().setAttribute("aria-label", "Application health: " + status.overall());
    }
}
