package io.safla.memory.service;

import io.safla.config.AppProperties;
import io.safla.memory.Origin;
import io.safla.monitor.service.OperatorService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Who may change what in the shared memory, in one place for every door (REST, the views, later MCP). On a public
 * deployment ({@link AppProperties#publicDeployment()}: production, or on a Space) a caller without the operator
 * token is a visitor: visitors may add memories (owned by them, in their bounded share of the capacity), search,
 * give feedback, validate and run the demos; importing, deleting, and adding under an id that already exists
 * (overwriting) need the operator. Off a public deployment everyone is the operator, as before. The doors decide
 * only who is calling ({@link #caller(String)}, {@link #caller(boolean)}); {@link MemoryService} applies the rule.
 * Written down in docs/deployment.md ("What visitors may change").
 */
@Service
public class WritePolicy {

    /** The header the REST door reads the operator token from; named in the refusals. */
    public static final String TOKEN_HEADER = "X-Admin-Token";
    /** The largest import file accepted by any door. */
    public static final int MAX_IMPORT_BYTES = 2 * 1024 * 1024;

    private final AppProperties app;
    private final OperatorService operator;

    WritePolicy(AppProperties app, OperatorService operator) {
        this.app = app;
        this.operator = operator;
    }

    /** Whether visitors are restricted here (a public deployment). */
    public boolean enforced() {
        return app.publicDeployment();
    }

    /** The caller of a request that carried {@code token} (null when it carried none). */
    public Origin caller(@Nullable String token) {
        return !enforced() || operator.verify(token) ? Origin.OPERATOR : Origin.VISITOR;
    }

    /** The caller of a view session that has ({@code unlocked}) or has not unlocked the operator page. */
    public Origin caller(boolean unlocked) {
        return !enforced() || unlocked ? Origin.OPERATOR : Origin.VISITOR;
    }

    /** Whether {@code by} may import, delete and overwrite. */
    public boolean mayChangeOthers(Origin by) {
        return by == Origin.OPERATOR;
    }

    /** Refuses {@code action} (e.g. "Deleting a memory") unless {@code by} is the operator. */
    public void requireOperator(Origin by, String action) {
        if (mayChangeOthers(by)) {
            return;
        }
        throw new OperatorRequiredException(action + " needs " + reason());
    }

    /** What is needed, for refusals and for views that disable a control up front ("Deleting needs " + reason). */
    public String reason() {
        return operator.enabled()
                ? "the operator token (" + TOKEN_HEADER
                        + " header, or unlock on the operator page /admin) on this public deployment."
                : "the operator token (" + TOKEN_HEADER
                        + "), and the operator has not set ADMIN_TOKEN on this public deployment.";
    }
}
