package io.safla.memory.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.embedding.HashingEmbedder;
import io.safla.memory.consolidation.ConsolidationPolicy;
import io.safla.memory.consolidation.ConsolidationReport;
import io.safla.memory.consolidation.Consolidator;
import io.safla.memory.episodic.Episode;
import io.safla.memory.episodic.EpisodeKind;
import io.safla.memory.episodic.EpisodicMemory;
import io.safla.memory.semantic.SemanticGraph;
import io.safla.memory.working.WorkingMemory;
import io.safla.monitor.MutableClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

class DemoCorpusTest {

    private static final DemoCorpus CORPUS = DemoCorpus.load();
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static DemoCorpus parse(String json) {
        return DemoCorpus.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String minimal(String concepts, String relations) {
        return """
                {"version": 1, "facts": [{"id": "f1", "text": "A fact.", "tags": ["x"], "importance": 0.5}],
                 "episodes": [], "concepts": %s, "relations": %s, "working": []}
                """.formatted(concepts, relations);
    }

    @Test
    void load_bundledCorpus_hasAtLeast200ItemsSpreadOverAllTypes() {
        int total = CORPUS.facts().size()
                + CORPUS.episodes().size()
                + CORPUS.concepts().size()
                + CORPUS.relations().size()
                + CORPUS.working().size();

        assertThat(total).isGreaterThanOrEqualTo(200);
        assertThat(CORPUS.facts()).hasSizeGreaterThanOrEqualTo(90);
        assertThat(CORPUS.episodes()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(CORPUS.concepts()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(CORPUS.relations()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(CORPUS.working()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void load_bundledCorpus_coversEveryKindRelationTypeAndTopic() {
        for (EpisodeKind kind : EpisodeKind.values()) {
            assertThat(CORPUS.episodes()).filteredOn(e -> e.kind() == kind).hasSizeGreaterThanOrEqualTo(8);
        }
        assertThat(CORPUS.relations())
                .extracting(DemoRelation::type)
                .containsAll(Arrays.asList(io.safla.memory.semantic.RelationType.values()));
        Set<String> tags = new HashSet<>();
        CORPUS.facts().forEach(f -> tags.addAll(f.tags()));
        assertThat(tags)
                .contains(
                        "transformers",
                        "embeddings",
                        "rl",
                        "safety",
                        "alignment",
                        "evaluation",
                        "optimisation",
                        "data",
                        "mlops",
                        "agents",
                        "memory-systems");
        assertThat(CORPUS.facts()).allMatch(f -> !f.tags().isEmpty());
        assertThat(CORPUS.episodes())
                .extracting(DemoEpisode::valence)
                .anyMatch(v -> v < 0)
                .anyMatch(v -> v > 0);
    }

    @Test
    void load_bundledCorpus_hasNoDuplicatesAndOnlyValidReferences() {
        List<String> texts = Stream.of(
                        CORPUS.facts().stream().map(DemoFact::text),
                        CORPUS.episodes().stream().map(DemoEpisode::text),
                        CORPUS.working().stream().map(DemoWorkingItem::text))
                .flatMap(s -> s)
                .map(t -> t.toLowerCase(Locale.ROOT))
                .toList();
        assertThat(texts).doesNotHaveDuplicates();
        assertThat(CORPUS.concepts()).extracting(DemoConcept::id).doesNotHaveDuplicates();
        Set<String> ids =
                new HashSet<>(CORPUS.concepts().stream().map(DemoConcept::id).toList());
        assertThat(CORPUS.relations()).allMatch(r -> ids.contains(r.from()) && ids.contains(r.to()));
        assertThat(CORPUS.relations())
                .extracting(r -> r.from() + r.type() + r.to())
                .doesNotHaveDuplicates();
        assertThat(CORPUS.relations())
                .extracting(DemoRelation::from)
                .contains("rlhf", "retrieval-augmented-generation");
    }

    @Test
    void episodesAt_placesEpisodesInThePastOldestFirst() {
        List<Episode> episodes = CORPUS.episodesAt(NOW);

        assertThat(episodes).hasSize(CORPUS.episodes().size());
        assertThat(episodes)
                .allMatch(e -> !e.occurredAt().isAfter(NOW) && e.occurredAt().isAfter(NOW.minus(Duration.ofDays(15))));
        assertThat(episodes).isSortedAccordingTo(java.util.Comparator.comparing(Episode::occurredAt));
        DemoEpisode first = CORPUS.episodes().get(0);
        assertThat(first.at(NOW).occurredAt()).isEqualTo(NOW.minus(first.ago()));
    }

    @Test
    void load_relationToUnknownConcept_failsLoudly() {
        String json = minimal(
                "[{\"name\": \"A\", \"description\": \"a\", \"importance\": 0.5}]",
                "[{\"from\": \"a\", \"to\": \"B\", \"type\": \"IS_A\", \"weight\": 0.5}]");
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(DemoCorpusException.class)
                .hasMessageContaining("unknown concept b");
    }

    @Test
    void load_duplicateConceptSpelledDifferently_failsLoudly() {
        String json = minimal(
                "[{\"name\": \"Reward hacking\", \"description\": \"a\", \"importance\": 0.5},"
                        + "{\"name\": \"reward-hacking\", \"description\": \"b\", \"importance\": 0.5}]",
                "[]");
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(DemoCorpusException.class)
                .hasMessageContaining("duplicate concept");
    }

    @Test
    void load_malformedItems_failLoudly() {
        String good = minimal("[]", "[]");
        assertThat(parse(good).facts()).hasSize(1);
        assertThatThrownBy(() -> parse(good.replace("\"importance\": 0.5", "\"importance\": 1.5")))
                .isInstanceOf(DemoCorpusException.class)
                .hasMessageContaining("importance");
        assertThatThrownBy(() -> parse(good.replace(", \"importance\": 0.5", "")))
                .isInstanceOf(DemoCorpusException.class)
                .hasMessageContaining("Missing creator property 'importance'");
        assertThatThrownBy(() -> parse(good.replace("\"tags\"", "\"labels\""))).isInstanceOf(DemoCorpusException.class);
        assertThatThrownBy(() -> parse(good.replace("\"version\": 1", "\"version\": 2")))
                .isInstanceOf(DemoCorpusException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> parse(good.replace(
                        "\"episodes\": []",
                        "\"episodes\": [{\"id\": \"f1\", "
                                + "\"text\": \"Other.\", \"kind\": \"LEARNING\", \"valence\": 0, \"importance\": 0.5, "
                                + "\"ago\": \"PT1H\", \"tags\": []}]")))
                .isInstanceOf(DemoCorpusException.class)
                .hasMessageContaining("duplicate id");
        assertThatThrownBy(() -> parse(good.replace(
                        "\"episodes\": []",
                        "\"episodes\": [{\"id\": \"e1\", "
                                + "\"text\": \"Other.\", \"kind\": \"DREAM\", \"valence\": 0, \"importance\": 0.5, "
                                + "\"ago\": \"PT1H\", \"tags\": []}]")))
                .isInstanceOf(DemoCorpusException.class);
        assertThatThrownBy(() -> parse("{ not json")).isInstanceOf(DemoCorpusException.class);
    }

    @Test
    void corpus_jsonRoundTrip_isEqual() throws Exception {
        ObjectMapper json = new ObjectMapper();
        DemoCorpus back = json.readValue(json.writeValueAsString(CORPUS), DemoCorpus.class);
        assertThat(back).isEqualTo(CORPUS);
    }

    @Test
    void corpus_seedsEveryMemoryTypeAndConsolidatesIdempotently() {
        MutableClock clock = new MutableClock(NOW);
        EpisodicMemory episodic = new EpisodicMemory(1000, Duration.ofDays(30), clock);
        CORPUS.episodesAt(NOW).forEach(episodic::add);
        SemanticGraph graph = new SemanticGraph(500, 1000);
        CORPUS.concepts().forEach(c -> graph.upsertConcept(c.name(), c.description(), c.importance()));
        CORPUS.relations().forEach(r -> graph.relate(r.from(), r.to(), r.type(), r.weight()));
        WorkingMemory working = new WorkingMemory(32, 0.1, Duration.ofMinutes(30), clock);
        CORPUS.working().forEach(w -> working.focus(w.text(), w.attention(), w.tags()));
        Consolidator consolidator = new Consolidator(new HashingEmbedder(384), ConsolidationPolicy.defaults());

        ConsolidationReport first = consolidator.consolidate(working, episodic, graph);
        ConsolidationReport second = consolidator.consolidate(working, episodic, graph);

        assertThat(working.size()).isEqualTo(CORPUS.working().size());
        assertThat(first.promotedWorkingIds()).isNotEmpty();
        assertThat(first.concepts()).isNotEmpty();
        assertThat(second.totalChanges()).isZero();
    }
}
