package io.safla.ui.memory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.safla.memory.service.HybridMemoryService;
import io.safla.memory.service.MemoryService;
import tools.jackson.databind.ObjectMapper;

/**
 * Base of the panels over the shared hybrid memory: a banner that says "Loading" or "Degraded" with the reason
 * while the store is unavailable, and one way to report a refused action.
 */
abstract class HybridPanel extends VerticalLayout {

    static final ObjectMapper JSON = new ObjectMapper();

    final HybridMemoryService hybrid;
    final Div status = new Div();

    HybridPanel(HybridMemoryService hybrid, String statusId) {
        this.hybrid = hybrid;
        setPadding(false);
        status.setId(statusId);
        status.addClassName("degraded-banner");
        add(status);
    }

    /** Shows the banner when the store is unavailable; returns whether it is ready. */
    boolean checkReady() {
        boolean ready = hybrid.ready();
        status.setVisible(!ready);
        if (!ready) {
            status.setText((hybrid.state() == MemoryService.State.LOADING ? "Loading: " : "Degraded: ")
                    + hybrid.stateReason());
        }
        return ready;
    }

    /** Redraws from the store; each panel calls it when its tab is opened. */
    abstract void refresh();

    static void error(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** One column on a phone, two from 600 px. */
    static FormLayout twoColumns(Component... fields) {
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        return form;
    }

    static void summary(Span summary, String id) {
        summary.setId(id);
        summary.addClassName("search-summary");
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
