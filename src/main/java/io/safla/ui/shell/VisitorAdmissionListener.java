package io.safla.ui.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import io.safla.monitor.service.VisitorRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code MAX_CONCURRENT_USERS}: each new browser session is admitted or sent to the busy page; every request of an
 * admitted session (heartbeats included) keeps it counted as active.
 */
@Component
class VisitorAdmissionListener implements VaadinServiceInitListener {

    private final VisitorRegistry visitors;

    VisitorAdmissionListener(VisitorRegistry visitors) {
        this.visitors = visitors;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            WrappedSession session = init.getUI().getSession().getSession();
            if (session == null || visitors.admit(session.getId()).admitted()) {
                return;
            }
            init.getUI().addBeforeEnterListener(enter -> {
                if (enter.getNavigationTarget() != BusyView.class) {
                    enter.rerouteTo(BusyView.class);
                }
            });
        });
        event.getSource().addSessionDestroyListener(destroy -> {
            WrappedSession session = destroy.getSession().getSession();
            if (session != null) {
                visitors.leave(session.getId());
            }
        });
        event.addVaadinRequestInterceptor(new VaadinRequestInterceptor() {
            @Override
            public void requestStart(VaadinRequest request, VaadinResponse response) {
                WrappedSession session = request.getWrappedSession(false);
                if (session != null) {
                    visitors.touch(session.getId());
                }
            }

            @Override
            public void handleException(
                    VaadinRequest request, VaadinResponse response, VaadinSession session, Exception t) {
                // errors are handled by the session's error handler
            }

            @Override
            public void requestEnd(VaadinRequest request, VaadinResponse response, VaadinSession session) {
                // nothing to do
            }
        });
    }
}
