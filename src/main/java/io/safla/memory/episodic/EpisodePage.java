package io.safla.memory.episodic;

import java.util.List;

/**
 * One page of a newest-first query.
 *
 * @param total number of matching episodes over all pages
 */
public record EpisodePage(List<Episode> items, int offset, int total) {

    public EpisodePage {
        items = List.copyOf(items);
        if (offset < 0 || total < 0) {
            throw new IllegalArgumentException("offset and total must be >= 0");
        }
    }

    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
