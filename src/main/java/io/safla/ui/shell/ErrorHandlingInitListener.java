package io.safla.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.safla.config.AppProperties;
import io.safla.monitor.service.ErrorIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every uncaught UI error is logged once with an id, and the visitor sees that id in a notification: never a stack
 * trace, and in production not even the exception's message.
 */
@Component
class ErrorHandlingInitListener implements VaadinServiceInitListener {

    private final AppProperties app;

    ErrorHandlingInitListener(AppProperties app) {
        this.app = app;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addSessionInitListener(init -> init.getSession().setErrorHandler(new VisitorErrorHandler(app)));
    }

    static final class VisitorErrorHandler implements ErrorHandler {

        private static final Logger log = LoggerFactory.getLogger(VisitorErrorHandler.class);
        private final AppProperties app;

        VisitorErrorHandler(AppProperties app) {
            this.app = app;
        }

        @Override
        public void error(ErrorEvent event) {
            String id = ErrorIds.next();
            log.error("UI error {}", id, event.getThrowable());
            UI ui = UI.getCurrent();
            if (ui == null) {
                return;
            }
            String detail = app.production()
                    ? ""
                    : ": " + event.getThrowable().getClass().getSimpleName() + " "
                            + String.valueOf(event.getThrowable().getMessage());
            ui.access(() -> {
                Notification notification = Notification.show(
                        "Something went wrong (error id " + id + ")" + detail, 8000, Notification.Position.BOTTOM_END);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
        }
    }
}
