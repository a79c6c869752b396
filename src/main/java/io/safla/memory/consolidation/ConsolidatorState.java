package io.safla.memory.consolidation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a {@link Consolidator} remembers between runs; persist it together with the three memories.
 *
 * @param promoted working item id to the episode id it became
 * @param provenance concept id to the episode ids it was consolidated from, each list sorted
 */
public record ConsolidatorState(SortedMap<String, String> promoted, SortedMap<String, List<String>> provenance) {

    public ConsolidatorState {
        promoted = Collections.unmodifiableSortedMap(new TreeMap<>(promoted));
        TreeMap<String, List<String>> p = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : provenance.entrySet()) {
            p.put(e.getKey(), e.getValue().stream().sorted().distinct().toList());
        }
        provenance = Collections.unmodifiableSortedMap(p);
    }

    public static ConsolidatorState empty() {
        return new ConsolidatorState(new TreeMap<>(), new TreeMap<>());
    }
}
