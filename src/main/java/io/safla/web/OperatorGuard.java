package io.safla.web;

import io.safla.config.AppProperties;
import io.safla.monitor.service.OperatorService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Engine-wide actions (rollback, emergency stop, checkpoints) change what every visitor sees, so on a public
 * deployment (production, or on a Space: {@link AppProperties#publicDeployment()}, the rule {@code WritePolicy} uses
 * for imports and deletes too) they need the operator token in {@code X-Admin-Token}; in development and test off a
 * Space they are open.
 */
@Component
class OperatorGuard {

    static final String HEADER = io.safla.memory.service.WritePolicy.TOKEN_HEADER;

    private final AppProperties app;
    private final OperatorService operator;

    OperatorGuard(AppProperties app, OperatorService operator) {
        this.app = app;
        this.operator = operator;
    }

    void require(HttpServletRequest request) {
        if (!app.publicDeployment()) {
            return;
        }
        if (!operator.enabled()) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Engine-wide actions are disabled: the operator has not set ADMIN_TOKEN.");
        }
        if (!operator.verify(request.getHeader(HEADER))) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "This engine-wide action needs the operator token in the " + HEADER + " header.");
        }
    }
}
