package io.safla.safety.ui;

import io.safla.safety.checkpoint.CheckpointInfo;

/** Lets view tests press a row's Roll back button without locating it inside the grid's cells. */
public final class SafetyViewAccess {

    public void rollback(SafetyView view, CheckpointInfo checkpoint) {
        view.confirmRollback(checkpoint);
    }
}
