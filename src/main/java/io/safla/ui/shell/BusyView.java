package io.safla.ui.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.safla.monitor.service.VisitorRegistry;

/** Shown instead of the dashboard when {@code MAX_CONCURRENT_USERS} visitors are already active. */
@Route(value = "busy", autoLayout = false)
@PageTitle("Busy | SAFLA")
@StyleSheet("context://styles/app.css")
public class BusyView extends VerticalLayout implements BeforeEnterObserver {

    private final VisitorRegistry visitors;
    final Paragraph message = new Paragraph();

    BusyView(VisitorRegistry visitors) {
        this.visitors = visitors;
        setId("busy-view");
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        setSizeFull();
        H1 title = new H1("SAFLA is busy");
        title.setId("view-title");
        message.setId("busy-message");
        Button retry = new Button(
                "Try again", e -> getUI().ifPresent(ui -> ui.getPage().setLocation("./")));
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(title, message, retry);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        VisitorRegistry.Admission now = visitors.peek();
        long seconds = Math.max(5, now.retryAfter().toSeconds());
        message.setText(now.active() + " of " + now.max() + " visitor places are in use, so this Space cannot take"
                + " another one right now. Please try again in about " + seconds + " s.");
    }
}
