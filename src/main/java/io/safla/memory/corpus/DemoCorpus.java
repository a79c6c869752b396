package io.safla.memory.corpus;

import io.safla.memory.episodic.Episode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The curated demo corpus: facts for vector memory, episodes, concepts and relations, working items.
 *
 * <p>Loading is strict, because a demo that silently shows half a corpus is worse than one that does not start:
 * unknown or missing fields, out-of-range values, duplicate ids or texts (case-insensitive), duplicate relations
 * and relations to unknown concepts all fail with a {@link DemoCorpusException} naming the item.
 */
public record DemoCorpus(
        int version,
        List<DemoFact> facts,
        List<DemoEpisode> episodes,
        List<DemoConcept> concepts,
        List<DemoRelation> relations,
        List<DemoWorkingItem> working) {

    /** Classpath location of the bundled corpus. */
    public static final String RESOURCE = "/demo/corpus.json";

    public static final int SUPPORTED_VERSION = 1;

    public DemoCorpus {
        facts = List.copyOf(facts);
        episodes = List.copyOf(episodes);
        concepts = List.copyOf(concepts);
        relations = List.copyOf(relations);
        working = List.copyOf(working);
        if (version != SUPPORTED_VERSION) {
            throw new IllegalArgumentException("unsupported corpus version " + version);
        }
        validate(facts, episodes, concepts, relations, working);
    }

    /** Loads the bundled corpus. */
    public static DemoCorpus load() {
        try (InputStream in = DemoCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DemoCorpusException("demo corpus not found on the classpath at " + RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new DemoCorpusException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses and validates a corpus; does not close the stream. */
    public static DemoCorpus load(InputStream in) {
        try {
            return mapper().readValue(in, DemoCorpus.class);
        } catch (JacksonException e) {
            // Validation errors from the compact constructors arrive wrapped; surface their message and location.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new DemoCorpusException("invalid demo corpus" + where + ": " + root.getMessage(), e);
        }
    }

    /** The episodes placed relative to {@code now}, oldest first. */
    public List<Episode> episodesAt(Instant now) {
        List<Episode> out =
                new ArrayList<>(episodes.stream().map(e -> e.at(now)).toList());
        out.sort(java.util.Comparator.comparing(Episode::occurredAt).thenComparing(Episode::id));
        return List.copyOf(out);
    }

    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    private static void validate(
            List<DemoFact> facts,
            List<DemoEpisode> episodes,
            List<DemoConcept> concepts,
            List<DemoRelation> relations,
            List<DemoWorkingItem> working) {
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (DemoFact f : facts) {
            unique(ids, f.id(), "id");
            unique(texts, f.text(), "text");
        }
        for (DemoEpisode e : episodes) {
            unique(ids, e.id(), "id");
            unique(texts, e.text(), "text");
        }
        for (DemoWorkingItem w : working) {
            unique(texts, w.text(), "text");
        }
        Set<String> conceptIds = new HashSet<>();
        for (DemoConcept c : concepts) {
            unique(conceptIds, c.id(), "concept");
        }
        Set<String> edges = new HashSet<>();
        for (DemoRelation r : relations) {
            for (String end : List.of(r.from(), r.to())) {
                if (!conceptIds.contains(end)) {
                    throw new IllegalArgumentException("relation " + r.from() + " -" + r.type() + "-> " + r.to()
                            + " refers to unknown concept " + end);
                }
            }
            unique(edges, r.from() + " " + r.type() + " " + r.to(), "relation");
        }
    }

    private static void unique(Set<String> seen, String value, String what) {
        if (!seen.add(value.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("duplicate " + what + ": " + value);
        }
    }
}
