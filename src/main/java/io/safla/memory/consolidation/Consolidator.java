package io.safla.memory.consolidation;

import io.safla.embedding.Embedder;
import io.safla.memory.episodic.Episode;
import io.safla.memory.episodic.EpisodeKind;
import io.safla.memory.episodic.EpisodicMemory;
import io.safla.memory.semantic.Concept;
import io.safla.memory.semantic.Relation;
import io.safla.memory.semantic.RelationType;
import io.safla.memory.semantic.SemanticGraph;
import io.safla.memory.working.AttendedItem;
import io.safla.memory.working.WorkingMemory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Moves knowledge up the memory hierarchy: working to episodic to semantic. Thread-safe; idempotent (a run right
 * after a run changes nothing) and deterministic (same memories, same result).
 *
 * <p>Implementation notes. One run:
 * <ol>
 *   <li><b>Promote.</b> Each working item (in id order) whose attention is at least
 *       {@code workingToEpisodicAttention} and that was never promoted becomes episode {@code ep-<itemId>}: text
 *       and tags copied, importance = attention, valence 0 (working memory has no notion of it), time = last
 *       access, kind = the first {@link EpisodeKind} (in enum order) named by a tag such as {@code safety}, else
 *       USER_INTERACTION. The item stays in working memory; the promotion is remembered, so it is not repeated.</li>
 *   <li><b>Attach.</b> Episodes at least {@code episodicToSemanticImportance} important and not yet attributed
 *       to a concept are taken in id order. Each joins the existing consolidated concept whose centroid (the
 *       normalised mean embedding of its episodes) is most similar, if that cosine reaches
 *       {@code clusterSimilarity}. Centroids are fixed for the whole step, so the order does not matter.</li>
 *   <li><b>Cluster.</b> The rest are clustered greedily in id order: each joins the first cluster whose running
 *       centroid it reaches {@code clusterSimilarity} with, or starts a new one. Clusters of at least
 *       {@code minClusterSize} become concepts named by {@link ConceptNamer}; a name that already exists (even a
 *       hand-made concept) strengthens that concept instead. Attach and cluster repeat until a round changes
 *       nothing, so that leftovers get a chance to join concepts created or moved in the same run.</li>
 *   <li><b>Relate.</b> Every concept that gained episodes gets RELATED_TO (stored once, from the smaller id)
 *       with each other consolidated concept whose centroid cosine reaches {@code relatedSimilarity}, weight =
 *       cosine, combined with any earlier weight. A newly created concept also gets DERIVED_FROM to the most
 *       similar hand-made concept (one with no episodes, compared by the embedding of its name and description)
 *       if that reaches {@code relatedSimilarity}.</li>
 * </ol>
 * Only new evidence changes anything (a promotion, an attribution), which is what makes a second run a no-op.
 * Limits: if the graph evicts a consolidated concept, its episodes become unattributed and a later run rebuilds
 * it; promotions and provenance of working items and episodes that no longer exist are forgotten.
 */
public final class Consolidator {

    private final Embedder embedder;
    private final ConsolidationPolicy policy;
    private final TreeMap<String, String> promoted = new TreeMap<>();
    private final TreeMap<String, TreeSet<String>> provenance = new TreeMap<>();

    public Consolidator(Embedder embedder, ConsolidationPolicy policy) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Rebuilds a consolidator from {@link #state()}. */
    public static Consolidator restore(Embedder embedder, ConsolidationPolicy policy, ConsolidatorState state) {
        Consolidator c = new Consolidator(embedder, policy);
        c.promoted.putAll(state.promoted());
        state.provenance().forEach((k, v) -> c.provenance.put(k, new TreeSet<>(v)));
        return c;
    }

    public synchronized ConsolidatorState state() {
        TreeMap<String, List<String>> p = new TreeMap<>();
        provenance.forEach((k, v) -> p.put(k, List.copyOf(v)));
        return new ConsolidatorState(promoted, p);
    }

    public ConsolidationPolicy policy() {
        return policy;
    }

    /** Episode ids a concept was consolidated from, in id order; empty for hand-made concepts. */
    public synchronized List<String> provenance(String conceptId) {
        return List.copyOf(provenance.getOrDefault(conceptId, new TreeSet<>()));
    }

    /** Runs one consolidation pass over the three memories, changing them in place; returns what moved. */
    public synchronized ConsolidationReport consolidate(
            WorkingMemory working, EpisodicMemory episodic, SemanticGraph graph) {
        forgetVanished(working, episodic, graph);
        List<String> promotedIds = new ArrayList<>();
        List<String> createdEpisodes = new ArrayList<>();
        promote(working, episodic, promotedIds, createdEpisodes);

        Map<String, Episode> present = new HashMap<>();
        episodic.episodes().forEach(e -> present.put(e.id(), e));
        Map<String, String> attributed = new HashMap<>();
        provenance.forEach((concept, eps) -> eps.forEach(e -> attributed.put(e, concept)));
        List<Episode> candidates = present.values().stream()
                .filter(e -> e.importance() >= policy.episodicToSemanticImportance())
                .sorted(Comparator.comparing(Episode::id))
                .toList();
        List<Episode> fresh =
                candidates.stream().filter(e -> !attributed.containsKey(e.id())).toList();

        Map<String, float[]> vectors = embed(present, fresh);
        TreeMap<String, List<String>> additions = new TreeMap<>();
        TreeSet<String> created = new TreeSet<>();
        // Attach and cluster until a round changes nothing. The last round then equals the first round of the
        // next run (same unattributed episodes, same centroids), which is what makes a rerun a no-op; a single
        // round is not enough, since leftovers may reach a centroid that only this run created or moved.
        List<Episode> remaining = fresh;
        int unclustered;
        while (true) {
            TreeMap<String, List<String>> round = new TreeMap<>();
            List<Episode> unattached = attach(remaining, vectors, round);
            unclustered = cluster(unattached, vectors, graph, round, created);
            if (round.isEmpty()) {
                break;
            }
            TreeSet<String> taken = new TreeSet<>();
            round.forEach((id, eps) -> {
                provenance.computeIfAbsent(id, k -> new TreeSet<>()).addAll(eps);
                additions.computeIfAbsent(id, k -> new ArrayList<>()).addAll(eps);
                taken.addAll(eps);
            });
            remaining = remaining.stream().filter(e -> !taken.contains(e.id())).toList();
        }

        List<ConceptChange> changes = new ArrayList<>();
        for (Map.Entry<String, List<String>> a : additions.entrySet()) {
            String id = a.getKey();
            a.getValue().sort(Comparator.naturalOrder());
            double importance = a.getValue().stream()
                    .mapToDouble(e -> present.get(e).importance())
                    .average()
                    .orElseThrow();
            // Looked up again: an earlier upsert of this loop may have evicted it from a full graph.
            Optional<Concept> existing = graph.concept(id);
            Concept c = existing.isEmpty()
                    ? graph.upsertConcept(
                            nameOf(id, a.getValue(), present), describe(a.getValue(), present), importance)
                    : graph.upsertConcept(existing.get().name(), "", importance);
            if (existing.isEmpty()) {
                created.add(id);
            } else {
                created.remove(id);
            }
            changes.add(new ConceptChange(c.id(), c.name(), existing.isEmpty(), a.getValue()));
        }
        List<Relation> relations = relate(additions.keySet(), created, graph, present, vectors);
        return new ConsolidationReport(
                promotedIds, createdEpisodes, changes, relations, candidates.size(), unclustered);
    }

    private void forgetVanished(WorkingMemory working, EpisodicMemory episodic, SemanticGraph graph) {
        promoted.keySet().removeIf(id -> working.get(id).isEmpty());
        provenance.keySet().removeIf(id -> graph.concept(id).isEmpty());
        provenance.values().forEach(eps -> eps.removeIf(e -> episodic.get(e).isEmpty()));
        provenance.values().removeIf(TreeSet::isEmpty);
    }

    private void promote(
            WorkingMemory working, EpisodicMemory episodic, List<String> promotedIds, List<String> createdEpisodes) {
        List<AttendedItem> items = new ArrayList<>(working.context());
        items.sort(Comparator.comparing(a -> a.item().id()));
        for (AttendedItem a : items) {
            String id = a.item().id();
            if (a.attention() < policy.workingToEpisodicAttention() || promoted.containsKey(id)) {
                continue;
            }
            String episodeId = "ep-" + id;
            if (episodic.get(episodeId).isEmpty()) {
                try {
                    episodic.add(new Episode(
                            episodeId,
                            a.item().text(),
                            kindOf(a.item().tags()),
                            0,
                            a.attention(),
                            a.item().lastAccess(),
                            a.item().tags()));
                } catch (IllegalArgumentException pastRetention) {
                    // Older than episodic retention: not worth remembering; retried (and skipped) next run.
                    continue;
                }
                createdEpisodes.add(episodeId);
            }
            promoted.put(id, episodeId);
            promotedIds.add(id);
        }
    }

    static EpisodeKind kindOf(Set<String> tags) {
        for (EpisodeKind k : EpisodeKind.values()) {
            if (tags.contains(k.name().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        return EpisodeKind.USER_INTERACTION;
    }

    /** Embeds the fresh candidates and every episode behind an existing concept, in one batch. */
    private Map<String, float[]> embed(Map<String, Episode> present, List<Episode> fresh) {
        TreeSet<String> ids = new TreeSet<>();
        fresh.forEach(e -> ids.add(e.id()));
        provenance.values().forEach(ids::addAll);
        List<String> order = List.copyOf(ids);
        List<float[]> vs = embedder.embedAll(
                order.stream().map(id -> present.get(id).text()).toList());
        Map<String, float[]> out = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            out.put(order.get(i), vs.get(i));
        }
        return out;
    }

    private List<Episode> attach(
            List<Episode> fresh, Map<String, float[]> vectors, TreeMap<String, List<String>> additions) {
        TreeMap<String, float[]> centroids = new TreeMap<>();
        provenance.forEach((id, eps) -> centroids.put(id, centroid(eps, vectors)));
        List<Episode> rest = new ArrayList<>();
        for (Episode e : fresh) {
            String best = null;
            double bestSim = policy.clusterSimilarity();
            for (Map.Entry<String, float[]> c : centroids.entrySet()) {
                double sim = Embedder.cosine(vectors.get(e.id()), c.getValue());
                if (sim >= bestSim && (best == null || sim > bestSim)) {
                    best = c.getKey();
                    bestSim = sim;
                }
            }
            if (best == null) {
                rest.add(e);
            } else {
                additions.computeIfAbsent(best, k -> new ArrayList<>()).add(e.id());
            }
        }
        return rest;
    }

    private int cluster(
            List<Episode> episodes,
            Map<String, float[]> vectors,
            SemanticGraph graph,
            TreeMap<String, List<String>> additions,
            TreeSet<String> created) {
        List<List<Episode>> clusters = new ArrayList<>();
        List<double[]> sums = new ArrayList<>();
        for (Episode e : episodes) {
            float[] v = vectors.get(e.id());
            int joined = -1;
            for (int i = 0; i < clusters.size() && joined < 0; i++) {
                if (cosine(sums.get(i), v) >= policy.clusterSimilarity()) {
                    joined = i;
                }
            }
            if (joined < 0) {
                clusters.add(new ArrayList<>());
                sums.add(new double[v.length]);
                joined = clusters.size() - 1;
            }
            clusters.get(joined).add(e);
            double[] s = sums.get(joined);
            for (int d = 0; d < v.length; d++) {
                s[d] += v[d];
            }
        }
        int unclustered = 0;
        for (List<Episode> members : clusters) {
            if (members.size() < policy.minClusterSize()) {
                unclustered += members.size();
                continue;
            }
            String name = ConceptNamer.name(
                    members.stream().map(Episode::text).toList(), members.get(0).id());
            String id = Concept.idFor(name);
            if (graph.concept(id).isEmpty() && !created.contains(id)) {
                created.add(id);
            }
            List<String> target = additions.computeIfAbsent(id, k -> new ArrayList<>());
            members.forEach(m -> target.add(m.id()));
            target.sort(Comparator.naturalOrder());
        }
        return unclustered;
    }

    private List<Relation> relate(
            Set<String> changed,
            TreeSet<String> created,
            SemanticGraph graph,
            Map<String, Episode> present,
            Map<String, float[]> vectors) {
        TreeMap<String, float[]> centroids = new TreeMap<>();
        // Only concepts still in the graph: a full graph may have evicted some during this run.
        provenance.forEach((id, eps) -> {
            if (graph.concept(id).isPresent()) {
                centroids.put(id, centroid(eps, vectors));
            }
        });
        TreeMap<String, Relation> out = new TreeMap<>();
        for (String a : changed) {
            if (!centroids.containsKey(a)) {
                continue;
            }
            for (Map.Entry<String, float[]> other : centroids.entrySet()) {
                String b = other.getKey();
                if (b.equals(a)) {
                    continue;
                }
                String from = a.compareTo(b) < 0 ? a : b;
                String to = a.compareTo(b) < 0 ? b : a;
                String key = from + "\u0000" + to;
                double sim = Embedder.cosine(centroids.get(a), other.getValue());
                if (!out.containsKey(key) && sim >= policy.relatedSimilarity()) {
                    out.put(key, graph.relate(from, to, RelationType.RELATED_TO, Math.min(1.0, sim)));
                }
            }
        }
        List<Relation> result = new ArrayList<>(out.values());
        if (!created.isEmpty()) {
            List<Concept> handMade = graph.concepts().stream()
                    .filter(c -> !provenance.containsKey(c.id()))
                    .toList();
            List<float[]> texts = handMade.isEmpty()
                    ? List.of()
                    : embedder.embedAll(handMade.stream()
                            .map(c -> (c.name() + ". " + c.description()).strip())
                            .toList());
            for (String id : created) {
                if (!centroids.containsKey(id)) {
                    continue;
                }
                int best = -1;
                double bestSim = policy.relatedSimilarity();
                for (int i = 0; i < handMade.size(); i++) {
                    double sim = Embedder.cosine(centroids.get(id), texts.get(i));
                    if (sim >= bestSim && (best < 0 || sim > bestSim)) {
                        best = i;
                        bestSim = sim;
                    }
                }
                if (best >= 0) {
                    result.add(graph.relate(
                            id, handMade.get(best).id(), RelationType.DERIVED_FROM, Math.min(1.0, bestSim)));
                }
            }
        }
        result.sort(Relation.ORDER);
        return result;
    }

    private static float[] centroid(Collection<String> episodeIds, Map<String, float[]> vectors) {
        double[] sum = null;
        for (String id : episodeIds) {
            float[] v = vectors.get(id);
            if (sum == null) {
                sum = new double[v.length];
            }
            for (int d = 0; d < v.length; d++) {
                sum[d] += v[d];
            }
        }
        return normalise(Objects.requireNonNull(sum, "centroid of no episodes"));
    }

    private static double cosine(double[] sum, float[] v) {
        return Embedder.cosine(normalise(sum), v);
    }

    private static float[] normalise(double[] sum) {
        double norm = 0;
        for (double x : sum) {
            norm += x * x;
        }
        float[] out = new float[sum.length];
        if (norm == 0) {
            return out;
        }
        double inv = 1 / Math.sqrt(norm);
        for (int d = 0; d < sum.length; d++) {
            out[d] = (float) (sum[d] * inv);
        }
        return out;
    }

    private static String nameOf(String conceptId, List<String> episodeIds, Map<String, Episode> present) {
        String name = ConceptNamer.name(
                episodeIds.stream().map(e -> present.get(e).text()).toList(), episodeIds.get(0));
        return Concept.idFor(name).equals(conceptId) ? name : conceptId;
    }

    private static String describe(List<String> episodeIds, Map<String, Episode> present) {
        Optional<Episode> top = episodeIds.stream()
                .map(present::get)
                .max(Comparator.comparingDouble(Episode::importance)
                        .thenComparing(Episode::id, Comparator.reverseOrder()));
        return "Recurring theme of " + episodeIds.size() + " episodes, e.g. \""
                + top.orElseThrow().text() + "\"";
    }
}
