package io.safla.demo.service;

import io.safla.embedding.Embedder;
import io.safla.memory.consolidation.ConsolidationPolicy;
import io.safla.memory.consolidation.ConsolidationReport;
import io.safla.memory.consolidation.Consolidator;
import io.safla.memory.corpus.DemoConcept;
import io.safla.memory.corpus.DemoCorpus;
import io.safla.memory.corpus.DemoRelation;
import io.safla.memory.corpus.DemoWorkingItem;
import io.safla.memory.episodic.EpisodicMemory;
import io.safla.memory.semantic.Concept;
import io.safla.memory.semantic.Relation;
import io.safla.memory.semantic.SemanticGraph;
import io.safla.memory.working.AttendedItem;
import io.safla.memory.working.WorkingMemory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One visitor's "Memory consolidation" run: a private working memory, episodic memory and knowledge graph, and the
 * consolidator that promotes what got attention into episodes and clusters episodes into concepts.
 */
public final class ConsolidationSandbox {

    /** The most working-memory items a visitor may give: the working memory's capacity. */
    public static final int MAX_WORKING_ITEMS = 30;

    /** A concept of the graph with its number of relations; fresh if the last consolidation created it. */
    public record Node(Concept concept, int degree, boolean fresh) {}

    /** The knowledge graph as it is now. */
    public record Graph(List<Node> nodes, List<Relation> relations) {}

    /** The earlier experiences and knowledge, loaded. */
    public record Loaded(int episodes, Graph graph) {}

    /** What a consolidation changed, with the concepts it created and strengthened counted, and the graph after it. */
    public record Consolidated(ConsolidationReport report, int created, int strengthened, Graph graph) {}

    private final Supplier<Embedder> embedder;
    private final Clock clock;
    private @Nullable WorkingMemory working;
    private @Nullable EpisodicMemory episodic;
    private @Nullable SemanticGraph graph;
    private @Nullable Consolidator consolidator;

    /** The embedder is asked for only when the memories load ({@link #load()}). */
    ConsolidationSandbox(Supplier<Embedder> embedder, Clock clock) {
        this.embedder = embedder;
        this.clock = clock;
    }

    /** The curated corpus's working-memory items, the scenario's default input. */
    public static List<String> exampleWorkingItems() {
        return DemoCorpus.load().working().stream().map(DemoWorkingItem::text).toList();
    }

    /**
     * Fills a new working memory: 1 to {@value #MAX_WORKING_ITEMS} items, all with the given attention (0 to 1);
     * items longer than 1 000 characters are cut. Answers the active context.
     */
    public List<AttendedItem> fill(List<String> items, double attention) {
        if (attention < 0 || attention > 1) {
            throw new IllegalArgumentException("attention must be between 0 and 1");
        }
        if (items.isEmpty() || items.size() > MAX_WORKING_ITEMS) {
            throw new IllegalArgumentException("give 1 to 30 working-memory items");
        }
        WorkingMemory filled = new WorkingMemory(MAX_WORKING_ITEMS, 0.05, Duration.ofMinutes(30), clock);
        items.forEach(l -> filled.focus(l.length() > 1000 ? l.substring(0, 1000) : l, attention));
        working = filled;
        return filled.context();
    }

    /** Loads the curated corpus's past episodes and starting knowledge graph. */
    public Loaded load() {
        DemoCorpus corpus = DemoCorpus.load();
        EpisodicMemory episodes = new EpisodicMemory(1000, Duration.ofDays(365), clock);
        corpus.episodesAt(clock.instant()).forEach(episodes::add);
        SemanticGraph knowledge = new SemanticGraph(1000, 5000);
        for (DemoConcept c : corpus.concepts()) {
            knowledge.upsertConcept(c.name(), c.description(), c.importance());
        }
        for (DemoRelation r : corpus.relations()) {
            Relation relation = r.relation();
            knowledge.relate(relation.from(), relation.to(), relation.type(), relation.weight());
        }
        episodic = episodes;
        graph = knowledge;
        consolidator = new Consolidator(embedder.get(), ConsolidationPolicy.defaults());
        return new Loaded(episodes.size(), graph(knowledge, Set.of()));
    }

    /** Promotes attended items to episodes and clusters episodes into concepts; a rerun changes nothing. */
    public Consolidated consolidate() {
        if (consolidator == null || working == null || episodic == null || graph == null) {
            throw new IllegalStateException("restart the scenario");
        }
        ConsolidationReport report = consolidator.consolidate(working, episodic, graph);
        Set<String> fresh = report.concepts().stream()
                .filter(c -> c.created())
                .map(c -> c.conceptId())
                .collect(Collectors.toSet());
        return new Consolidated(report, fresh.size(), report.concepts().size() - fresh.size(), graph(graph, fresh));
    }

    private static Graph graph(SemanticGraph graph, Set<String> fresh) {
        List<Node> nodes = graph.concepts().stream()
                .map(c -> new Node(c, graph.degree(c.id()), fresh.contains(c.id())))
                .toList();
        return new Graph(nodes, graph.relations());
    }
}
