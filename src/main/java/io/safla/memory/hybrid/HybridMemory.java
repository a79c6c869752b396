package io.safla.memory.hybrid;

import io.safla.embedding.Embedder;
import io.safla.memory.consolidation.ConsolidationPolicy;
import io.safla.memory.consolidation.ConsolidationReport;
import io.safla.memory.consolidation.Consolidator;
import io.safla.memory.consolidation.ConsolidatorState;
import io.safla.memory.corpus.DemoConcept;
import io.safla.memory.corpus.DemoCorpus;
import io.safla.memory.corpus.DemoRelation;
import io.safla.memory.corpus.DemoWorkingItem;
import io.safla.memory.episodic.Episode;
import io.safla.memory.episodic.EpisodicMemory;
import io.safla.memory.episodic.EpisodicState;
import io.safla.memory.semantic.Relation;
import io.safla.memory.semantic.SemanticGraph;
import io.safla.memory.working.WorkingMemory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Episodic, semantic and working memory held together with what their consolidator remembers, so they are saved,
 * restored and consolidated as one unit. Thread-safe: each memory is thread-safe on its own, and the operations that
 * touch several of them ({@link #state}, {@link #replace}, {@link #consolidate}) hold this object's lock.
 */
public final class HybridMemory {

    /**
     * Sizes of the shared store.
     *
     * @param maxEpisodes episodes kept before the oldest go
     * @param maxConcepts concepts kept before the weakest go
     * @param maxRelations relations kept before the weakest go
     * @param workingCapacity items in the active context
     * @param attentionThreshold below this a working item may be swept
     * @param halfLife time in which a working item's attention halves without access
     */
    public record Limits(
            int maxEpisodes,
            int maxConcepts,
            int maxRelations,
            int workingCapacity,
            double attentionThreshold,
            Duration halfLife) {

        /**
         * A working item's attention halves in two hours without access: the context of a demo session fades
         * within an afternoon, not within minutes between two clicks.
         */
        public static final Duration WORKING_HALF_LIFE = Duration.ofHours(2);

        /** The production profile's sizes (500 episodes, 1 000 concepts, 5 000 relations, 10 working items). */
        public static Limits defaults() {
            return new Limits(500, 1_000, 5_000, 10, 0.3, WORKING_HALF_LIFE);
        }
    }

    /**
     * What one run did.
     *
     * @param expiredEpisodeIds episodes dropped by retention before consolidating, oldest first
     * @param consolidation what the consolidator moved
     * @param sweptWorkingIds working items whose attention had fallen below the threshold, dropped after promotion
     */
    public record Run(List<String> expiredEpisodeIds, ConsolidationReport consolidation, List<String> sweptWorkingIds) {

        public Run {
            expiredEpisodeIds = List.copyOf(expiredEpisodeIds);
            Objects.requireNonNull(consolidation, "consolidation");
            sweptWorkingIds = List.copyOf(sweptWorkingIds);
        }

        public int changes() {
            return expiredEpisodeIds.size() + consolidation.totalChanges() + sweptWorkingIds.size();
        }
    }

    private final Clock clock;
    private EpisodicMemory episodic;
    private SemanticGraph semantic;
    private WorkingMemory working;
    private ConsolidatorState consolidator;

    private HybridMemory(HybridState state, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.episodic = EpisodicMemory.restore(state.episodic(), clock);
        this.semantic = SemanticGraph.restore(state.semantic());
        this.working = WorkingMemory.restore(state.working(), clock);
        this.consolidator = state.consolidator();
    }

    /** Rebuilds a memory from {@link #state()}; rejects a state that breaks any memory's invariants. */
    public static HybridMemory restore(HybridState state, Clock clock) {
        return new HybridMemory(state, clock);
    }

    /**
     * A fresh store filled from the demo corpus: episodes placed relative to now (those already past
     * {@code retention} are left out), concepts and relations, and the working items in focus now.
     */
    public static HybridMemory seed(DemoCorpus corpus, Limits limits, Duration retention, Clock clock) {
        EpisodicMemory episodic = new EpisodicMemory(limits.maxEpisodes(), retention, clock);
        Instant cutoff = clock.instant().minus(retention);
        for (Episode e : corpus.episodesAt(clock.instant())) {
            if (!e.occurredAt().isBefore(cutoff)) {
                episodic.add(e);
            }
        }
        SemanticGraph graph = new SemanticGraph(limits.maxConcepts(), limits.maxRelations());
        for (DemoConcept c : corpus.concepts()) {
            graph.upsertConcept(c.name(), c.description(), c.importance());
        }
        for (DemoRelation r : corpus.relations()) {
            Relation relation = r.relation();
            graph.relate(relation.from(), relation.to(), relation.type(), relation.weight());
        }
        WorkingMemory working =
                new WorkingMemory(limits.workingCapacity(), limits.attentionThreshold(), limits.halfLife(), clock);
        for (DemoWorkingItem item : corpus.working()) {
            working.focus(item.text(), item.attention(), item.tags());
        }
        return new HybridMemory(
                new HybridState(episodic.state(), graph.state(), working.state(), ConsolidatorState.empty()), clock);
    }

    public synchronized HybridState state() {
        return new HybridState(episodic.state(), semantic.state(), working.state(), consolidator);
    }

    /** Replaces everything with {@code state} (a rollback); nothing changes if the state is invalid. */
    public synchronized void replace(HybridState state) {
        HybridMemory rebuilt = new HybridMemory(state, clock);
        episodic = rebuilt.episodic;
        semantic = rebuilt.semantic;
        working = rebuilt.working;
        consolidator = rebuilt.consolidator;
    }

    public synchronized EpisodicMemory episodic() {
        return episodic;
    }

    public synchronized SemanticGraph semantic() {
        return semantic;
    }

    public synchronized WorkingMemory working() {
        return working;
    }

    /**
     * Applies retention, consolidates, then sweeps working memory. The retention given replaces the stored one, so
     * a settings change takes effect on the next run; episodes older than it are dropped first, which also stops a
     * stale working item from being promoted into an episode that would be dropped at once. The sweep comes last,
     * so an item that earned promotion is an episode before it leaves the context.
     */
    public synchronized Run consolidate(Embedder embedder, ConsolidationPolicy policy, Duration retention) {
        EpisodicState before = episodic.state();
        if (!before.retention().equals(retention)) {
            episodic = EpisodicMemory.restore(
                    new EpisodicState(before.maxEpisodes(), retention, before.nextId(), before.episodes()), clock);
        }
        List<String> expired = episodic.expire();
        Consolidator run = Consolidator.restore(embedder, policy, consolidator);
        ConsolidationReport report = run.consolidate(working, episodic, semantic);
        consolidator = run.state();
        List<String> swept = working.sweep();
        return new Run(expired, report, swept);
    }
}
