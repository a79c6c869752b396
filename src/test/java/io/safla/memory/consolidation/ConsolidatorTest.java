package io.safla.memory.consolidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.safla.embedding.HashingEmbedder;
import io.safla.memory.episodic.Episode;
import io.safla.memory.episodic.EpisodeKind;
import io.safla.memory.episodic.EpisodicMemory;
import io.safla.memory.semantic.Concept;
import io.safla.memory.semantic.Relation;
import io.safla.memory.semantic.RelationType;
import io.safla.memory.semantic.SemanticGraph;
import io.safla.memory.working.WorkingMemory;
import io.safla.monitor.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

class ConsolidatorTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final ConsolidationPolicy POLICY = new ConsolidationPolicy(0.5, 0.6, 0.4, 3, 0.25);

    static final List<String> REWARD = List.of(
            "The policy exploited a bug in the reward function to score points without finishing the task",
            "Reward hacking: the agent learned to loop near the goal to collect the reward function bonus again",
            "Another reward function loophole let the agent score by pausing the game instead of playing",
            "The reward function paid for distance moved, so the agent spun in circles to score");
    static final List<String> GPU = List.of(
            "GPU memory ran out during training at batch size 64",
            "GPU memory ran out during training again, at batch size 128",
            "Training at batch size 32 kept GPU memory within limits");
    static final List<String> GAMING = List.of(
            "Specification gaming: the agent satisfied the literal objective but not the intent",
            "Specification gaming again: the agent met the written objective while missing the intent",
            "The agent's specification gaming met the objective's letter, not its intent");
    static final String LONE = "The user asked for a summary of the meeting notes in French";

    private final MutableClock clock = new MutableClock(T0);
    private final HashingEmbedder embedder = new HashingEmbedder(512);

    private final class World {
        final WorkingMemory working = new WorkingMemory(10, 0.1, Duration.ofMinutes(30), clock);
        final EpisodicMemory episodic = new EpisodicMemory(100, Duration.ofDays(30), clock);
        final SemanticGraph graph = new SemanticGraph(100, 200);
        final Consolidator consolidator = new Consolidator(embedder, POLICY);

        ConsolidationReport run() {
            return consolidator.consolidate(working, episodic, graph);
        }

        List<Object> states() {
            return List.of(working.state(), episodic.state(), graph.state(), consolidator.state());
        }
    }

    private World seeded(List<String> texts) {
        World w = new World();
        for (int i = 0; i < texts.size(); i++) {
            w.episodic.add(new Episode(
                    String.format("e%02d", i),
                    texts.get(i),
                    EpisodeKind.LEARNING,
                    0,
                    0.8,
                    T0.minus(Duration.ofMinutes(i)),
                    Set.of()));
        }
        return w;
    }

    private static List<String> corpus() {
        List<String> all = new ArrayList<>(REWARD);
        all.addAll(GPU);
        all.add(LONE);
        return all;
    }

    @Test
    void consolidate_attendedWorkingItems_becomeEpisodesOnce() {
        World w = new World();
        String hot = w.working.focus("User reported the chatbot refused a harmless request", 0.9, Set.of("safety"));
        String plain = w.working.focus("User wants shorter answers", 0.7);
        String cold = w.working.focus("Background noise", 0.3);

        ConsolidationReport first = w.run();

        assertThat(first.promotedWorkingIds()).containsExactly(hot, plain);
        assertThat(first.createdEpisodeIds()).containsExactly("ep-" + hot, "ep-" + plain);
        Episode e = w.episodic.get("ep-" + hot).orElseThrow();
        assertThat(e.kind()).isEqualTo(EpisodeKind.SAFETY);
        assertThat(e.importance()).isEqualTo(0.9);
        assertThat(e.tags()).containsExactly("safety");
        assertThat(w.episodic.get("ep-" + plain).orElseThrow().kind()).isEqualTo(EpisodeKind.USER_INTERACTION);
        assertThat(w.episodic.get("ep-" + cold)).isEmpty();
        assertThat(w.working.size()).isEqualTo(3);

        w.working.touch(hot);
        assertThat(w.run().promotedWorkingIds()).isEmpty();
        assertThat(w.episodic.size()).isEqualTo(2);
    }

    @Test
    void consolidate_similarImportantEpisodes_becomeNamedConcepts() {
        World w = seeded(corpus());

        ConsolidationReport r = w.run();

        assertThat(r.candidateEpisodes()).isEqualTo(8);
        assertThat(w.graph.concept("reward-function").orElseThrow().description())
                .startsWith("Recurring theme of 4 episodes, e.g. \"The policy exploited");
        assertThat(r.concepts()).extracting(ConceptChange::conceptId).containsExactly("gpu-memory", "reward-function");
        assertThat(r.concepts()).allMatch(ConceptChange::created);
        assertThat(w.consolidator.provenance("reward-function")).containsExactly("e00", "e01", "e02", "e03");
        assertThat(w.consolidator.provenance("gpu-memory")).containsExactly("e04", "e05", "e06");
        assertThat(r.unclusteredEpisodes()).isEqualTo(1);
        assertThat(r.totalChanges()).isEqualTo(2 + r.relations().size());
        assertThat(w.graph.concept("gpu-memory").orElseThrow().importance()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void consolidate_unimportantEpisodes_areIgnored() {
        World w = new World();
        for (int i = 0; i < REWARD.size(); i++) {
            w.episodic.add(new Episode("e" + i, REWARD.get(i), EpisodeKind.LEARNING, 0, 0.59, T0, Set.of()));
        }
        ConsolidationReport r = w.run();
        assertThat(r.candidateEpisodes()).isZero();
        assertThat(w.graph.conceptCount()).isZero();
    }

    @Test
    void consolidate_secondRun_changesNothing() {
        World w = seeded(corpus());
        w.working.focus("Reward function exploit: the agent scored by hovering at the goal line", 0.9);
        w.graph.upsertConcept("Reinforcement learning", "An agent learns a policy from reward signals", 0.9);

        ConsolidationReport first = w.run();
        List<Object> before = w.states();
        ConsolidationReport second = w.run();

        assertThat(first.totalChanges()).isPositive();
        assertThat(second.totalChanges()).isZero();
        assertThat(second.createdEpisodeIds()).isEmpty();
        assertThat(w.states()).isEqualTo(before);
    }

    @Test
    void consolidate_sameMemoriesInAnyInsertionOrder_giveTheSameResult() {
        World a = seeded(corpus());
        List<Episode> shuffled = new ArrayList<>(a.episodic.episodes());
        Collections.reverse(shuffled);
        World b = new World();
        // Fresh copies, so nothing can depend on object identity either.
        shuffled.forEach(e -> b.episodic.add(
                new Episode(e.id(), e.text(), e.kind(), e.valence(), e.importance(), e.occurredAt(), e.tags())));

        ConsolidationReport ra = a.run();
        ConsolidationReport rb = b.run();

        assertThat(rb).isEqualTo(ra);
        assertThat(b.graph.state()).isEqualTo(a.graph.state());
        assertThat(b.consolidator.state()).isEqualTo(a.consolidator.state());
    }

    @Test
    void consolidate_newSimilarEpisode_strengthensTheExistingConcept() {
        World w = seeded(corpus());
        w.run();
        w.episodic.add(new Episode(
                "e99",
                "The agent found yet another reward function exploit to score points",
                EpisodeKind.SAFETY,
                -0.5,
                0.9,
                T0,
                Set.of()));

        ConsolidationReport r = w.run();

        assertThat(r.concepts())
                .containsExactly(new ConceptChange("reward-function", "reward function", false, List.of("e99")));
        assertThat(w.graph.concept("reward-function").orElseThrow().importance())
                .isEqualTo(0.9);
        assertThat(w.consolidator.provenance("reward-function")).contains("e99").hasSize(5);
    }

    @Test
    void consolidate_clusterNamedLikeAHandMadeConcept_strengthensIt() {
        World w = seeded(GPU);
        w.graph.upsertConcept("GPU memory", "Accelerator RAM that bounds batch and model size", 0.5);

        ConsolidationReport r = w.run();

        assertThat(r.concepts())
                .containsExactly(new ConceptChange("gpu-memory", "GPU memory", false, List.of("e00", "e01", "e02")));
        assertThat(r.relations()).isEmpty();
        Concept c = w.graph.concept("gpu-memory").orElseThrow();
        assertThat(c.description()).isEqualTo("Accelerator RAM that bounds batch and model size");
        assertThat(c.importance()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void consolidate_newConcepts_areDerivedFromTheClosestHandMadeConceptAndRelatedToSimilarOnes() {
        List<String> texts = new ArrayList<>(REWARD);
        texts.addAll(GAMING);
        World w = seeded(texts);
        w.graph.upsertConcept("Reward shaping", "Adding terms to the reward function to guide the agent", 0.7);
        w.graph.upsertConcept("Tokenizer", "Splits text into subword units", 0.7);

        ConsolidationReport r = w.run();

        assertThat(r.concepts())
                .extracting(ConceptChange::conceptId)
                .containsExactly("reward-function", "specification-gaming");
        assertThat(r.relations())
                .extracting(x -> x.from() + " " + x.type() + " " + x.to())
                .containsExactly(
                        "reward-function DERIVED_FROM reward-shaping",
                        "reward-function RELATED_TO specification-gaming",
                        "specification-gaming DERIVED_FROM reward-shaping");
        assertThat(r.relations()).isEqualTo(w.graph.relations());
        assertThat(w.graph.degree("tokenizer")).isZero();
    }

    @Test
    void consolidate_relatedConceptGainingEvidence_strengthensTheRelation() {
        List<String> texts = new ArrayList<>(REWARD);
        texts.addAll(GAMING);
        World w = seeded(texts);
        w.run();
        double before = w.graph
                .relation("reward-function", "specification-gaming", RelationType.RELATED_TO)
                .orElseThrow()
                .weight();
        w.episodic.add(new Episode(
                "z1",
                "More specification gaming: the agent met the objective, not the intent",
                EpisodeKind.SAFETY,
                -0.4,
                0.7,
                T0,
                Set.of()));

        ConsolidationReport r = w.run();

        Relation after = w.graph
                .relation("reward-function", "specification-gaming", RelationType.RELATED_TO)
                .orElseThrow();
        assertThat(r.concepts()).extracting(ConceptChange::conceptId).containsExactly("specification-gaming");
        assertThat(after.weight()).isGreaterThan(before).isLessThanOrEqualTo(1.0);
        assertThat(r.relations()).containsExactly(after);
    }

    @Test
    void consolidate_fullGraphEvictingConceptsMidRun_staysConsistent() {
        World w = new World();
        SemanticGraph small = new SemanticGraph(2, 2);
        List<String> texts = new ArrayList<>(REWARD);
        texts.addAll(GPU);
        texts.addAll(GAMING);
        for (int i = 0; i < texts.size(); i++) {
            w.episodic.add(
                    new Episode(String.format("e%02d", i), texts.get(i), EpisodeKind.LEARNING, 0, 0.8, T0, Set.of()));
        }

        ConsolidationReport r = w.consolidator.consolidate(w.working, w.episodic, small);

        assertThat(r.concepts()).hasSize(3);
        assertThat(small.conceptCount()).isEqualTo(2);
        assertThat(small.relations())
                .allMatch(x -> small.concept(x.from()).isPresent()
                        && small.concept(x.to()).isPresent());
    }

    @Test
    void state_jsonRoundTrip_restoresAnEqualConsolidator() throws Exception {
        ObjectMapper json = new ObjectMapper();
        World w = seeded(corpus());
        w.working.focus("remember this", 0.9);
        ConsolidationReport report = w.run();

        ConsolidatorState state = w.consolidator.state();
        ConsolidatorState back = json.readValue(json.writeValueAsString(state), ConsolidatorState.class);
        Consolidator restored = Consolidator.restore(embedder, POLICY, back);

        assertThat(back).isEqualTo(state);
        assertThat(restored.state()).isEqualTo(state);
        assertThat(restored.consolidate(w.working, w.episodic, w.graph).totalChanges())
                .isZero();
        assertThat(json.readValue(json.writeValueAsString(report), ConsolidationReport.class))
                .isEqualTo(report);
    }

    @Test
    void conceptNamer_ranksByDocumentFrequencyThenCountThenAlphabet() {
        assertThat(ConceptNamer.name(
                        List.of(
                                "the tokenizer splits text",
                                "a tokenizer, a vocabulary",
                                "vocabulary vocabulary vocabulary tokenizer"),
                        "x"))
                .isEqualTo("tokenizer vocabulary");
        assertThat(ConceptNamer.name(List.of("zeta alpha beta", "alpha zeta"), "x"))
                .isEqualTo("zeta alpha");
        assertThat(ConceptNamer.name(List.of("loss curve spikes", "the loss curve"), "x"))
                .isEqualTo("loss curve");
        assertThat(ConceptNamer.name(List.of("it is a 42", "of to in"), "e7")).isEqualTo("theme e7");
    }

    @Test
    void policy_outOfRange_isRejected() {
        assertThatThrownBy(() -> new ConsolidationPolicy(0, 0.5, 0.5, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsolidationPolicy(0.5, 1.5, 0.5, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsolidationPolicy(0.5, 0.5, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ConsolidationPolicy(0.5, 0.5, 0.4, 2).relatedSimilarity())
                .isEqualTo(0.2);
    }
}
