package io.safla.ui.safety;

import io.safla.checkpoint.CheckpointInfo;

/** Lets view tests press a row's Roll back button without locating it inside the grid's cells. */
public final class SafetyViewAccess {

    public void rollback(SafetyView view, CheckpointInfo checkpoint) {
        view.confirmRollback(checkpoint);
    }
}
