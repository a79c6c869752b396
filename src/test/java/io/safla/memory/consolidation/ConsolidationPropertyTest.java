package io.safla.memory.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.embedding.HashingEmbedder;
import io.safla.memory.episodic.Episode;
import io.safla.memory.episodic.EpisodeKind;
import io.safla.memory.episodic.EpisodicMemory;
import io.safla.memory.semantic.SemanticGraph;
import io.safla.memory.working.WorkingMemory;
import io.safla.monitor.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Idempotence and order-independence of consolidation over random mixes of related and unrelated texts. */
class ConsolidationPropertyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final HashingEmbedder EMBEDDER = new HashingEmbedder(256);
    private static final List<String> POOL = pool();

    record Item(int text, double importance, boolean working) {}

    private static List<String> pool() {
        List<String> all = new ArrayList<>(ConsolidatorTest.REWARD);
        all.addAll(ConsolidatorTest.GPU);
        all.addAll(ConsolidatorTest.GAMING);
        all.add(ConsolidatorTest.LONE);
        return List.copyOf(all);
    }

    @Provide
    Arbitrary<List<Item>> items() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, POOL.size() - 1),
                        Arbitraries.doubles().between(0.4, 1.0).ofScale(2),
                        Arbitraries.of(true, false))
                .as(Item::new)
                .list()
                .ofMaxSize(14)
                .uniqueElements(Item::text);
    }

    private static final class World {
        final MutableClock clock = new MutableClock(T0);
        final WorkingMemory working = new WorkingMemory(20, 0.1, Duration.ofMinutes(30), clock);
        final EpisodicMemory episodic = new EpisodicMemory(100, Duration.ofDays(30), clock);
        final SemanticGraph graph = new SemanticGraph(100, 300);
        final Consolidator consolidator = new Consolidator(EMBEDDER, new ConsolidationPolicy(0.5, 0.6, 0.4, 2));

        World() {
            graph.upsertConcept("Reward shaping", "Adding terms to the reward function to guide the agent", 0.7);
        }

        void add(List<Item> items) {
            for (Item i : items) {
                if (i.working()) {
                    working.focus(POOL.get(i.text()), i.importance());
                } else {
                    episodic.add(new Episode(
                            "e" + i.text(),
                            POOL.get(i.text()),
                            EpisodeKind.LEARNING,
                            0,
                            i.importance(),
                            T0.minusSeconds(i.text()),
                            Set.of()));
                }
            }
        }

        ConsolidationReport run() {
            return consolidator.consolidate(working, episodic, graph);
        }

        List<Object> states() {
            return List.of(working.state(), episodic.state(), graph.state(), consolidator.state());
        }
    }

    @Property(tries = 150)
    void consolidate_runAfterAnyRun_changesNothing(@ForAll("items") List<Item> items, @ForAll int split) {
        World w = new World();
        int cut = items.isEmpty() ? 0 : Math.floorMod(split, items.size() + 1);
        w.add(items.subList(0, cut));
        w.run();
        w.add(items.subList(cut, items.size()));
        w.run();
        List<Object> before = w.states();

        ConsolidationReport again = w.run();

        assertThat(again.totalChanges()).isZero();
        assertThat(w.states()).isEqualTo(before);
    }

    @Property(tries = 100)
    void consolidate_episodesInsertedInAnyOrder_giveTheSameGraph(@ForAll("items") List<Item> items, @ForAll long seed) {
        List<Item> episodesOnly = items.stream()
                .map(i -> new Item(i.text(), i.importance(), false))
                .toList();
        List<Item> shuffled = new ArrayList<>(episodesOnly);
        Collections.shuffle(shuffled, new Random(seed));
        World a = new World();
        World b = new World();
        a.add(episodesOnly);
        b.add(shuffled);

        assertThat(b.run()).isEqualTo(a.run());
        assertThat(b.states()).isEqualTo(a.states());
    }
}
