package io.safla.memory.semantic;

import static io.safla.memory.semantic.RelationType.IS_A;
import static io.safla.memory.semantic.RelationType.PART_OF;
import static io.safla.memory.semantic.RelationType.RELATED_TO;
import static io.safla.memory.semantic.RelationType.USED_FOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

class SemanticGraphTest {

    private static SemanticGraph chain(int n) {
        SemanticGraph g = new SemanticGraph(100, 100);
        for (int i = 0; i < n; i++) {
            g.upsertConcept("c" + i, "", 0.5);
        }
        for (int i = 0; i + 1 < n; i++) {
            g.relate("c" + i, "c" + (i + 1), RELATED_TO, 0.5);
        }
        return g;
    }

    @Test
    void idFor_normalisesCasePunctuationAndSpacing() {
        assertThat(Concept.idFor(" Attention  Mechanism!")).isEqualTo("attention-mechanism");
        assertThat(Concept.idFor("attention-mechanism")).isEqualTo("attention-mechanism");
        assertThat(Concept.idFor("RLHF (v2)")).isEqualTo("rlhf-v2");
        assertThatThrownBy(() -> Concept.idFor("?!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upsertConcept_sameNormalisedName_mergesIntoOneNode() {
        SemanticGraph g = new SemanticGraph(10, 10);
        g.upsertConcept("Transformer", "first", 0.4);
        Concept merged = g.upsertConcept("transformer ", "second", 0.2);
        Concept kept = g.upsertConcept("TRANSFORMER", " ", 0.9);

        assertThat(g.conceptCount()).isEqualTo(1);
        assertThat(merged.name()).isEqualTo("Transformer");
        assertThat(merged.description()).isEqualTo("second");
        assertThat(merged.importance()).isEqualTo(0.4);
        assertThat(kept.description()).isEqualTo("second");
        assertThat(kept.importance()).isEqualTo(0.9);
        assertThat(g.conceptNamed("transformer")).contains(kept);
    }

    @Test
    void relate_again_combinesWeightsAsBoundedProbabilisticOr() {
        SemanticGraph g = chain(2);
        Relation r = g.relate("c0", "c1", RELATED_TO, 0.5);
        assertThat(r.weight()).isCloseTo(0.75, within(1e-12));
        for (int i = 0; i < 100; i++) {
            r = g.relate("c0", "c1", RELATED_TO, 1.0);
        }
        assertThat(r.weight()).isEqualTo(1.0);
        assertThat(Relation.combine(0.2, 0.6)).isEqualTo(Relation.combine(0.6, 0.2));
        assertThat(g.relationCount()).isEqualTo(1);
    }

    @Test
    void relate_invalidInput_isRejected() {
        SemanticGraph g = chain(2);
        assertThatThrownBy(() -> g.relate("c0", "nope", IS_A, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> g.relate("c0", "c0", IS_A, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> g.relate("c0", "c1", IS_A, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> g.relate("c0", "c1", IS_A, 1.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void relate_sameEndsDifferentType_areSeparateRelations() {
        SemanticGraph g = chain(2);
        g.relate("c0", "c1", PART_OF, 0.3);
        assertThat(g.relationCount()).isEqualTo(2);
        assertThat(g.degree("c0")).isEqualTo(2);
        assertThat(g.relation("c0", "c1", PART_OF)).isPresent();
    }

    @Test
    void removeConcept_removesItsRelations() {
        SemanticGraph g = chain(3);
        assertThat(g.removeConcept("c1")).isTrue();
        assertThat(g.relationCount()).isZero();
        assertThat(g.degree("c0")).isZero();
        assertThat(g.removeConcept("c1")).isFalse();
        assertThat(g.removeRelation("c0", "c1", RELATED_TO)).isFalse();
    }

    @Test
    void neighbourhood_bfsFollowsBothDirectionsUpToHops() {
        SemanticGraph g = chain(5);
        Subgraph s = g.neighbourhood("c2", 1, 10);

        assertThat(s.nodes())
                .extracting(n -> n.concept().id() + "@" + n.hops())
                .containsExactly("c2@0", "c1@1", "c3@1");
        assertThat(s.edges()).extracting(r -> r.from() + ">" + r.to()).containsExactly("c1>c2", "c2>c3");
        assertThat(s.truncated()).isFalse();
        assertThat(g.neighbourhood("c0", 4, 10).nodes()).hasSize(5);
        assertThat(g.neighbourhood("c0", 0, 10).nodes()).hasSize(1);
    }

    @Test
    void neighbourhood_maxNodes_truncatesInIdOrder() {
        SemanticGraph g = new SemanticGraph(10, 10);
        for (String n : new String[] {"hub", "d", "b", "c", "a"}) {
            g.upsertConcept(n, "", 0.5);
        }
        for (String n : new String[] {"d", "b", "c", "a"}) {
            g.relate(n, "hub", USED_FOR, 0.5);
        }
        g.relate("a", "b", RELATED_TO, 0.5);

        Subgraph s = g.neighbourhood("hub", 2, 3);

        assertThat(s.nodes()).extracting(n -> n.concept().id()).containsExactly("hub", "a", "b");
        assertThat(s.edges()).hasSize(3);
        assertThat(s.truncated()).isTrue();
    }

    @Test
    void upsertConcept_atMaxNodes_evictsTheWeakestOtherConcept() {
        SemanticGraph g = new SemanticGraph(3, 10);
        g.upsertConcept("strong", "", 0.9);
        g.upsertConcept("weak-linked", "", 0.1);
        g.upsertConcept("weak-alone", "", 0.1);
        g.relate("strong", "weak-linked", RELATED_TO, 0.5);

        g.upsertConcept("newcomer", "", 0.0);

        assertThat(g.concepts()).extracting(Concept::id).containsExactly("newcomer", "strong", "weak-linked");
        g.upsertConcept("another", "", 0.5);
        assertThat(g.concept("another")).isPresent();
        assertThat(g.concept("newcomer")).isEmpty();
    }

    @Test
    void relate_atMaxEdges_evictsTheWeakestOtherRelation() {
        SemanticGraph g = new SemanticGraph(10, 2);
        for (String n : new String[] {"a", "b", "c"}) {
            g.upsertConcept(n, "", 0.5);
        }
        g.relate("a", "b", IS_A, 0.2);
        g.relate("b", "c", IS_A, 0.8);
        g.relate("a", "c", IS_A, 0.1);

        assertThat(g.relations()).extracting(r -> r.from() + r.to()).containsExactly("ac", "bc");
        assertThat(g.degree("a")).isEqualTo(1);
    }

    @Test
    void state_jsonRoundTrip_restoresAnEqualGraph() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SemanticGraph g = chain(4);
        g.relate("c3", "c0", RelationType.CAUSES, 0.3);

        SemanticState state = g.state();
        SemanticState back = json.readValue(json.writeValueAsString(state), SemanticState.class);
        SemanticGraph restored = SemanticGraph.restore(back);

        assertThat(back).isEqualTo(state);
        assertThat(restored.state()).isEqualTo(state);
        assertThat(restored.neighbourhood("c0", 1, 10)).isEqualTo(g.neighbourhood("c0", 1, 10));
    }

    @Test
    void restore_relationToUnknownConcept_isRejected() {
        SemanticState bad = new SemanticState(
                10,
                10,
                java.util.List.of(Concept.of("a", "", 0.5)),
                java.util.List.of(new Relation("a", "b", IS_A, 0.5)));
        assertThatThrownBy(() -> SemanticGraph.restore(bad)).isInstanceOf(IllegalArgumentException.class);
    }
}
