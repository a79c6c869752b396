package io.safla.cognition.experiment;

import io.safla.memory.MemoryType;
import io.safla.memory.NewMemory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A labelled retrieval set: memory items and queries with their relevant item ids, each query in one split
 * ({@code feedback}: learned from; {@code heldout}: measured only; {@code control}: plain cosine is already right).
 */
public record RetrievalSet(List<NewMemory> items, List<LabelledQuery> queries) {

    /** The bundled set, written by {@code scripts/data/make-retrieval-set.py}. */
    public static final String RESOURCE = "/cognition/retrieval-set.json";

    public static final Set<String> SPLITS = Set.of("feedback", "heldout", "control");

    /** One query, its kind (host, error-code, recency, plain, …) and the items that answer it. */
    public record LabelledQuery(String split, String kind, String query, Set<String> relevant) {
        public LabelledQuery {
            if (!SPLITS.contains(split)) {
                throw new IllegalArgumentException("unknown split " + split);
            }
            relevant = Set.copyOf(relevant);
            if (relevant.isEmpty()) {
                throw new IllegalArgumentException("query without relevant items: " + query);
            }
        }
    }

    public RetrievalSet {
        items = List.copyOf(items);
        queries = List.copyOf(queries);
        Set<String> ids = new HashSet<>();
        for (NewMemory m : items) {
            if (m.id() == null || !ids.add(m.id())) {
                throw new IllegalArgumentException("every item needs a unique id: " + m.id());
            }
        }
        for (LabelledQuery q : queries) {
            if (!ids.containsAll(q.relevant())) {
                throw new IllegalArgumentException("query names unknown items: " + q.query());
            }
        }
    }

    public List<LabelledQuery> split(String name) {
        return queries.stream().filter(q -> q.split().equals(name)).toList();
    }

    public static RetrievalSet bundled() {
        try (InputStream in = RetrievalSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RetrievalSet read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<NewMemory> items = new ArrayList<>();
        for (JsonNode n : root.path("items")) {
            Set<String> tags = new LinkedHashSet<>();
            n.path("tags").forEach(t -> tags.add(t.asString()));
            items.add(new NewMemory(
                    n.path("id").asString(),
                    n.path("text").asString(),
                    MemoryType.SEMANTIC,
                    tags,
                    n.path("importance").asDouble(0.5),
                    Instant.parse(n.path("createdAt").asString()),
                    Map.of()));
        }
        List<LabelledQuery> queries = new ArrayList<>();
        for (JsonNode n : root.path("queries")) {
            Set<String> relevant = new LinkedHashSet<>();
            n.path("relevant").forEach(r -> relevant.add(r.asString()));
            queries.add(new LabelledQuery(
                    n.path("split").asString(),
                    n.path("kind").asString(),
                    n.path("query").asString(),
                    relevant));
        }
        return new RetrievalSet(items, queries);
    }
}
