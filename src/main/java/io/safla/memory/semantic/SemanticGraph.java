package io.safla.memory.semantic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A bounded directed graph of {@link Concept}s and {@link Relation}s. Thread-safe.
 *
 * <p>Limits: both are hard. Inserting a new concept into a graph that already holds {@code maxNodes} evicts the
 * weakest other concept first (lowest importance, then fewest relations, then smallest id) together with its
 * relations; inserting a new relation at {@code maxEdges} evicts the weakest other relation (lowest weight, then
 * {@link Relation#ORDER}). What was just inserted is never the victim: the newest knowledge is assumed to be the
 * most relevant, and a caller that must not lose data sizes the limits accordingly.
 *
 * <p>Implementation notes: concepts and relations live in sorted maps and the undirected adjacency in sorted sets,
 * so every listing, BFS order and eviction choice is independent of hash order.
 */
public final class SemanticGraph {

    private static final Comparator<Relation> WEAKEST_FIRST =
            Comparator.comparingDouble(Relation::weight).thenComparing(Relation.ORDER);

    private final int maxNodes;
    private final int maxEdges;
    private final TreeMap<String, Concept> concepts = new TreeMap<>();
    private final TreeMap<Key, Relation> relations = new TreeMap<>();
    private final Map<String, TreeSet<Key>> incident = new HashMap<>();

    private record Key(String from, String to, RelationType type) implements Comparable<Key> {
        static Key of(Relation r) {
            return new Key(r.from(), r.to(), r.type());
        }

        @Override
        public int compareTo(Key o) {
            int c = from.compareTo(o.from);
            if (c == 0) {
                c = to.compareTo(o.to);
            }
            return c != 0 ? c : type.compareTo(o.type);
        }

        String other(String id) {
            return from.equals(id) ? to : from;
        }
    }

    public SemanticGraph(int maxNodes, int maxEdges) {
        if (maxNodes < 2 || maxEdges < 1) {
            throw new IllegalArgumentException(
                    "need maxNodes >= 2 and maxEdges >= 1, got " + maxNodes + ", " + maxEdges);
        }
        this.maxNodes = maxNodes;
        this.maxEdges = maxEdges;
    }

    /** Rebuilds a graph from {@link #state()}. */
    public static SemanticGraph restore(SemanticState state) {
        SemanticGraph g = new SemanticGraph(state.maxNodes(), state.maxEdges());
        if (state.concepts().size() > state.maxNodes() || state.relations().size() > state.maxEdges()) {
            throw new IllegalArgumentException("state exceeds its own limits");
        }
        for (Concept c : state.concepts()) {
            if (g.concepts.putIfAbsent(c.id(), c) != null) {
                throw new IllegalArgumentException("duplicate concept in state: " + c.id());
            }
            g.incident.put(c.id(), new TreeSet<>());
        }
        for (Relation r : state.relations()) {
            if (!g.concepts.containsKey(r.from()) || !g.concepts.containsKey(r.to())) {
                throw new IllegalArgumentException("relation to unknown concept in state: " + r);
            }
            if (g.relations.containsKey(Key.of(r))) {
                throw new IllegalArgumentException("duplicate relation in state: " + r);
            }
            g.putRelation(r);
        }
        return g;
    }

    /** Returns an immutable snapshot of the graph. */
    public synchronized SemanticState state() {
        return new SemanticState(maxNodes, maxEdges, List.copyOf(concepts.values()), List.copyOf(relations.values()));
    }

    /**
     * Inserts a concept, or merges into the one with the same {@link Concept#idFor normalised name}: the first
     * display name is kept, a non-blank new description replaces the old one, and importance becomes the
     * maximum of the two. Returns the stored concept.
     */
    public synchronized Concept upsertConcept(String name, String description, double importance) {
        Concept incoming = Concept.of(name, description, importance);
        Concept old = concepts.get(incoming.id());
        if (old != null) {
            Concept merged = new Concept(
                    old.id(),
                    old.name(),
                    description.isBlank() ? old.description() : description.strip(),
                    Math.max(old.importance(), importance));
            concepts.put(merged.id(), merged);
            return merged;
        }
        if (concepts.size() >= maxNodes) {
            evictWeakestConcept();
        }
        Concept c = new Concept(incoming.id(), incoming.name(), description.strip(), importance);
        concepts.put(c.id(), c);
        incident.put(c.id(), new TreeSet<>());
        return c;
    }

    /**
     * Adds a relation between two existing concepts, or strengthens the existing one of the same type with
     * {@link Relation#combine}. Returns the stored relation.
     *
     * @throws IllegalArgumentException if either concept is unknown
     */
    public synchronized Relation relate(String fromId, String toId, RelationType type, double weight) {
        requireConcept(fromId);
        requireConcept(toId);
        Relation incoming = new Relation(fromId, toId, type, weight);
        Relation old = relations.get(Key.of(incoming));
        if (old != null) {
            Relation merged = new Relation(fromId, toId, type, Relation.combine(old.weight(), weight));
            relations.put(Key.of(merged), merged);
            return merged;
        }
        if (relations.size() >= maxEdges) {
            removeRelation(relations.values().stream().min(WEAKEST_FIRST).orElseThrow());
        }
        putRelation(incoming);
        return incoming;
    }

    public synchronized Optional<Concept> concept(String id) {
        return Optional.ofNullable(concepts.get(id));
    }

    /** Looks a concept up by any spelling of its name. */
    public synchronized Optional<Concept> conceptNamed(String name) {
        return Optional.ofNullable(concepts.get(Concept.idFor(name)));
    }

    public synchronized Optional<Relation> relation(String fromId, String toId, RelationType type) {
        return Optional.ofNullable(relations.get(new Key(fromId, toId, type)));
    }

    /** All concepts, by id. */
    public synchronized List<Concept> concepts() {
        return List.copyOf(concepts.values());
    }

    /** All relations, in {@link Relation#ORDER}. */
    public synchronized List<Relation> relations() {
        return List.copyOf(relations.values());
    }

    /** Relations with the concept at either end, in {@link Relation#ORDER}. */
    public synchronized List<Relation> relationsOf(String id) {
        requireConcept(id);
        return incident.get(id).stream().map(relations::get).toList();
    }

    /** Number of relations with the concept at either end. */
    public synchronized int degree(String id) {
        requireConcept(id);
        return incident.get(id).size();
    }

    public synchronized int conceptCount() {
        return concepts.size();
    }

    public synchronized int relationCount() {
        return relations.size();
    }

    /** Removes a concept and its relations; returns whether it was present. */
    public synchronized boolean removeConcept(String id) {
        if (!concepts.containsKey(id)) {
            return false;
        }
        for (Key k : List.copyOf(incident.get(id))) {
            removeRelation(relations.get(k));
        }
        concepts.remove(id);
        incident.remove(id);
        return true;
    }

    /** Removes one relation; returns whether it was present. */
    public synchronized boolean removeRelation(String fromId, String toId, RelationType type) {
        Relation r = relations.get(new Key(fromId, toId, type));
        if (r == null) {
            return false;
        }
        removeRelation(r);
        return true;
    }

    /**
     * Breadth-first search from a concept over relations in both directions, up to {@code hops} steps and at most
     * {@code maxNodes} concepts. Neighbours are visited in id order, so a truncated result is deterministic.
     */
    public synchronized Subgraph neighbourhood(String centerId, int hops, int maxNodes) {
        requireConcept(centerId);
        if (hops < 0 || maxNodes < 1) {
            throw new IllegalArgumentException("need hops >= 0 and maxNodes >= 1");
        }
        Map<String, Integer> distance = new LinkedHashMap<>();
        distance.put(centerId, 0);
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(centerId));
        boolean truncated = false;
        search:
        while (!queue.isEmpty()) {
            String id = queue.poll();
            int d = distance.get(id);
            if (d == hops) {
                continue;
            }
            for (String next : new TreeSet<>(
                    incident.get(id).stream().map(k -> k.other(id)).toList())) {
                if (distance.containsKey(next)) {
                    continue;
                }
                if (distance.size() == maxNodes) {
                    truncated = true;
                    break search;
                }
                distance.put(next, d + 1);
                queue.add(next);
            }
        }
        List<GraphNode> nodes = new ArrayList<>();
        distance.forEach((id, d) -> nodes.add(new GraphNode(concepts.get(id), d)));
        nodes.sort(Comparator.comparingInt(GraphNode::hops)
                .thenComparing(n -> n.concept().id()));
        List<Relation> edges = new ArrayList<>();
        for (String id : distance.keySet()) {
            for (Key k : incident.get(id)) {
                // Each edge is met from both ends; keep it once, from its source.
                if (k.from().equals(id) && distance.containsKey(k.to())) {
                    edges.add(relations.get(k));
                }
            }
        }
        edges.sort(Relation.ORDER);
        return new Subgraph(centerId, nodes, edges, truncated);
    }

    private void requireConcept(String id) {
        if (!concepts.containsKey(id)) {
            throw new IllegalArgumentException("unknown concept: " + id);
        }
    }

    private void putRelation(Relation r) {
        Key k = Key.of(r);
        relations.put(k, r);
        incident.get(r.from()).add(k);
        incident.get(r.to()).add(k);
    }

    private void removeRelation(Relation r) {
        Key k = Key.of(r);
        relations.remove(k);
        incident.get(r.from()).remove(k);
        incident.get(r.to()).remove(k);
    }

    private void evictWeakestConcept() {
        Concept victim = concepts.values().stream()
                .min(Comparator.comparingDouble(Concept::importance)
                        .thenComparingInt(c -> incident.get(c.id()).size())
                        .thenComparing(Concept::id))
                .orElseThrow();
        removeConcept(victim.id());
    }
}
