package io.safla.memory.episodic;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/** Tag normalisation shared by the memory types. */
public final class Tags {

    private Tags() {}

    /**
     * Returns an unmodifiable sorted copy with each tag trimmed and lower-cased; sorted so that JSON and UI output
     * do not depend on hash order, lower-cased so "Safety" and "safety" are one tag.
     */
    public static SortedSet<String> normalise(Collection<String> tags) {
        TreeSet<String> out = new TreeSet<>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                throw new IllegalArgumentException("tags must not be null or blank: " + tags);
            }
            out.add(tag.trim().toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableSortedSet(out);
    }
}
