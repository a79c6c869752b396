package io.safla.memory.working;

import java.util.Objects;

/** A working item with its attention as of the read. */
public record AttendedItem(WorkingItem item, double attention) {

    public AttendedItem {
        Objects.requireNonNull(item, "item");
        if (!(attention >= 0 && attention <= 1)) {
            throw new IllegalArgumentException("attention must be in [0, 1], got " + attention);
        }
    }
}
