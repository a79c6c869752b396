package io.safla.ui.kit;

import com.vaadin.flow.server.VaadinSession;
import io.safla.config.AppProperties;
import org.springframework.stereotype.Component;

/**
 * Whether this visitor may make engine-wide changes (settings, rollback, emergency stop): always off a public
 * deployment; on one (production, or on a Space) only after unlocking with {@code ADMIN_TOKEN} on the operator page.
 */
@Component
public class OperatorAccess {

    static final String UNLOCKED = "safla.operator.unlocked";

    private final AppProperties app;

    OperatorAccess(AppProperties app) {
        this.app = app;
    }

    public boolean engineWideAllowed() {
        return !app.publicDeployment() || unlocked();
    }

    public boolean unlocked() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && Boolean.TRUE.equals(session.getAttribute(UNLOCKED));
    }

    public void unlock() {
        VaadinSession.getCurrent().setAttribute(UNLOCKED, Boolean.TRUE);
    }

    /** What to tell a visitor who may not. */
    public String lockedReason() {
        return "Engine-wide changes need the operator token on a public Space: unlock them on the operator page (/admin).";
    }
}
