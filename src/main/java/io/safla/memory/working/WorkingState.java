package io.safla.memory.working;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to rebuild a {@link WorkingMemory}.
 *
 * @param nextId counter behind generated {@code wm-N} ids
 * @param items by id
 */
public record WorkingState(
        int capacity, double attentionThreshold, Duration halfLife, long nextId, List<WorkingItem> items) {

    public WorkingState {
        Objects.requireNonNull(halfLife, "halfLife");
        items = List.copyOf(items);
        if (nextId < 1) {
            throw new IllegalArgumentException("nextId must be >= 1");
        }
    }
}
