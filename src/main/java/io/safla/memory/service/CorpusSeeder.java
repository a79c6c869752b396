package io.safla.memory.service;

import io.safla.memory.MemoryEngine;
import io.safla.memory.MemoryType;
import io.safla.memory.NewMemory;
import io.safla.memory.corpus.DemoConcept;
import io.safla.memory.corpus.DemoCorpus;
import io.safla.memory.corpus.DemoEpisode;
import io.safla.memory.corpus.DemoFact;
import io.safla.memory.corpus.DemoWorkingItem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Seeds the curated AI/ML corpus on a first start: facts as vector memories, episodes (placed relative to now) as
 * episodic memories, concepts as semantic memories, and the active context as working memories.
 */
@Component
class CorpusSeeder implements DemoSeeder {

    private final Clock clock;

    CorpusSeeder(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int seed(MemoryEngine engine) {
        DemoCorpus corpus = DemoCorpus.load();
        Instant now = clock.instant();
        List<NewMemory> items = new ArrayList<>();
        for (DemoFact fact : corpus.facts()) {
            items.add(new NewMemory(
                    "fact-" + fact.id(),
                    fact.text(),
                    MemoryType.VECTOR,
                    fact.tags(),
                    fact.importance(),
                    null,
                    Map.of("source", "demo corpus")));
        }
        for (DemoEpisode episode : corpus.episodes()) {
            var placed = episode.at(now);
            items.add(new NewMemory(
                    "episode-" + episode.id(),
                    placed.text(),
                    MemoryType.EPISODIC,
                    placed.tags(),
                    placed.importance(),
                    placed.occurredAt(),
                    Map.of(
                            "kind",
                            placed.kind().name().toLowerCase(Locale.ROOT),
                            "valence",
                            String.format(Locale.ROOT, "%.2f", placed.valence()),
                            "source",
                            "demo corpus")));
        }
        for (DemoConcept concept : corpus.concepts()) {
            items.add(new NewMemory(
                    "concept-" + concept.id(),
                    concept.name() + ": " + concept.description(),
                    MemoryType.SEMANTIC,
                    java.util.Set.of(),
                    concept.importance(),
                    null,
                    Map.of("concept", concept.name(), "source", "demo corpus")));
        }
        int index = 0;
        for (DemoWorkingItem item : corpus.working()) {
            items.add(new NewMemory(
                    "working-" + (++index),
                    item.text(),
                    MemoryType.WORKING,
                    item.tags(),
                    item.attention(),
                    null,
                    Map.of(
                            "attention",
                            String.format(Locale.ROOT, "%.2f", item.attention()),
                            "source",
                            "demo corpus")));
        }
        int capacity = engine.config().capacity();
        List<NewMemory> fitting = items.size() > capacity ? items.subList(0, capacity) : items;
        engine.addAll(fitting);
        return fitting.size();
    }
}
