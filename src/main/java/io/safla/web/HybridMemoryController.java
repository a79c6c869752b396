package io.safla.web;

import io.safla.memory.episodic.Episode;
import io.safla.memory.episodic.EpisodeKind;
import io.safla.memory.episodic.EpisodePage;
import io.safla.memory.episodic.EpisodeQuery;
import io.safla.memory.semantic.Relation;
import io.safla.memory.semantic.Subgraph;
import io.safla.memory.service.ConsolidationService;
import io.safla.memory.service.HybridMemoryService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shared episodic, semantic and working memory under {@code /api/memory}; see docs/api_reference.md. */
@RestController
@RequestMapping("/api/memory")
class HybridMemoryController {

    static final String KINDS = "learning|safety|performance|user_interaction";

    private final HybridMemoryService hybrid;
    private final ConsolidationService consolidation;
    private final OperatorGuard guard;

    HybridMemoryController(HybridMemoryService hybrid, ConsolidationService consolidation, OperatorGuard guard) {
        this.hybrid = hybrid;
        this.consolidation = consolidation;
        this.guard = guard;
    }

    record EpisodeList(int total, List<Episode> episodes) {}

    record Node(String id, String name, String description, double importance, int hops) {}

    record Graph(String center, int hops, boolean truncated, List<Node> nodes, List<Relation> edges) {}

    record WorkingItemView(
            String id, String text, double attention, double baseAttention, Instant lastAccess, Set<String> tags) {}

    record Working(long halfLifeSeconds, List<WorkingItemView> items) {}

    record ConsolidationResult(
            List<String> expiredEpisodeIds,
            List<String> promotedWorkingIds,
            List<String> sweptWorkingIds,
            List<String> changedConceptIds,
            int changedRelations,
            @Nullable String checkpointId) {}

    @GetMapping("/episodes")
    EpisodeList episodes(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false)
                    @Nullable
                    @Pattern(
                            regexp = "(?i)" + KINDS,
                            message = "must be one of learning, safety, performance, user_interaction")
                    String kind,
            @RequestParam(defaultValue = "100")
                    @Min(value = 1, message = "must be between 1 and 500")
                    @Max(value = 500, message = "must be between 1 and 500")
                    int limit) {
        EpisodeQuery query = new EpisodeQuery(
                instant(from, "from"),
                instant(to, "to"),
                kind == null ? Set.of() : Set.of(EpisodeKind.valueOf(kind.toUpperCase(Locale.ROOT))),
                0);
        EpisodePage page = hybrid.episodes(query, 0, limit);
        return new EpisodeList(page.total(), page.items());
    }

    @GetMapping("/graph/{concept}")
    Graph graph(
            @PathVariable String concept,
            @RequestParam(defaultValue = "1")
                    @Min(value = 1, message = "must be between 1 and 3")
                    @Max(value = 3, message = "must be between 1 and 3")
                    int hops) {
        String id = io.safla.memory.semantic.Concept.idFor(concept);
        Subgraph g = hybrid.neighbourhood(id, hops);
        return new Graph(
                g.centerId(),
                hops,
                g.truncated(),
                g.nodes().stream()
                        .map(n -> new Node(
                                n.concept().id(),
                                n.concept().name(),
                                n.concept().description(),
                                n.concept().importance(),
                                n.hops()))
                        .toList(),
                g.edges());
    }

    @GetMapping("/working")
    Working working() {
        return new Working(
                hybrid.workingHalfLife().toSeconds(),
                hybrid.context().stream()
                        .map(a -> new WorkingItemView(
                                a.item().id(),
                                a.item().text(),
                                a.attention(),
                                a.item().baseAttention(),
                                a.item().lastAccess(),
                                a.item().tags()))
                        .toList());
    }

    @PostMapping("/consolidate")
    ConsolidationResult consolidate(HttpServletRequest request) {
        guard.require(request);
        ConsolidationService.Outcome o = consolidation.runNow("api");
        return new ConsolidationResult(
                o.run().expiredEpisodeIds(),
                o.run().consolidation().promotedWorkingIds(),
                o.run().sweptWorkingIds(),
                o.run().consolidation().concepts().stream()
                        .map(c -> c.conceptId())
                        .toList(),
                o.run().consolidation().relations().size(),
                o.checkpointId().orElse(null));
    }

    private static @Nullable Instant instant(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
