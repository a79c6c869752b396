package io.safla.demo.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.embedding.Embedder;
import io.safla.embedding.HashingEmbedder;
import io.safla.memory.consolidation.ConceptChange;
import io.safla.memory.working.AttendedItem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ConsolidationSandboxTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private static final Supplier<Embedder> EMBEDDER = () -> new HashingEmbedder(384);

    private final ConsolidationSandbox sandbox = new ConsolidationSandbox(EMBEDDER, CLOCK);

    @Test
    void theFirstConsolidationGrowsTheGraph_andTheSecondChangesNothing() {
        sandbox.fill(ConsolidationSandbox.exampleWorkingItems(), 0.8);
        ConsolidationSandbox.Loaded loaded = sandbox.load();

        ConsolidationSandbox.Consolidated first = sandbox.consolidate();
        ConsolidationSandbox.Consolidated second = sandbox.consolidate();

        assertThat(loaded.episodes()).isPositive();
        assertThat(first.report().promotedWorkingIds()).isNotEmpty();
        assertThat(first.report().totalChanges()).isPositive();
        assertThat(first.graph().nodes().size() + first.graph().relations().size())
                .isGreaterThan(loaded.graph().nodes().size()
                        + loaded.graph().relations().size());
        assertThat(second.report().totalChanges()).isZero();
        assertThat(second.created()).isZero();
        assertThat(second.strengthened()).isZero();
        assertThat(second.graph().relations()).isEqualTo(first.graph().relations());
        assertThat(second.graph().nodes())
                .extracting(ConsolidationSandbox.Node::concept)
                .isEqualTo(first.graph().nodes().stream()
                        .map(ConsolidationSandbox.Node::concept)
                        .toList());
    }

    @Test
    void createdConcepts_areCounted_andMarkedFreshInTheGraph() {
        sandbox.fill(ConsolidationSandbox.exampleWorkingItems(), 0.8);
        ConsolidationSandbox.Loaded loaded = sandbox.load();

        ConsolidationSandbox.Consolidated first = sandbox.consolidate();

        List<String> created = first.report().concepts().stream()
                .filter(ConceptChange::created)
                .map(ConceptChange::conceptId)
                .sorted()
                .toList();
        assertThat(first.created()).isEqualTo(created.size());
        assertThat(first.strengthened()).isEqualTo(first.report().concepts().size() - created.size());
        assertThat(first.graph().nodes().stream()
                        .filter(ConsolidationSandbox.Node::fresh)
                        .map(n -> n.concept().id())
                        .sorted()
                        .toList())
                .isEqualTo(created);
        assertThat(loaded.graph().nodes()).noneMatch(ConsolidationSandbox.Node::fresh);
        assertThat(first.graph().nodes())
                .allMatch(n -> n.degree()
                        == (int) first.graph().relations().stream()
                                .filter(r -> r.from().equals(n.concept().id())
                                        || r.to().equals(n.concept().id()))
                                .count());
    }

    @Test
    void lowAttention_isNotPromoted() {
        sandbox.fill(ConsolidationSandbox.exampleWorkingItems(), 0.2);
        sandbox.load();

        assertThat(sandbox.consolidate().report().promotedWorkingIds()).isEmpty();
    }

    @Test
    void theWorkingMemoryTakesOneToThirtyItems_withAttentionFromZeroToOne_andCutsLongItems() {
        assertThatThrownBy(() -> sandbox.fill(List.of("an item"), 1.1)).hasMessage("attention must be between 0 and 1");
        assertThatThrownBy(() -> sandbox.fill(List.of("an item"), -0.1))
                .hasMessage("attention must be between 0 and 1");
        assertThatThrownBy(() -> sandbox.fill(List.of(), 0.5)).hasMessage("give 1 to 30 working-memory items");
        assertThatThrownBy(() -> sandbox.fill(Collections.nCopies(31, "an item"), 0.5))
                .hasMessage("give 1 to 30 working-memory items");

        List<AttendedItem> context = sandbox.fill(List.of("short", "y".repeat(1500)), 0.8);

        assertThat(context).extracting(i -> i.item().text().length()).containsExactlyInAnyOrder(5, 1000);
        assertThat(context).allSatisfy(i -> assertThat(i.attention()).isEqualTo(0.8));
    }

    @Test
    void theEmbedderIsNeededOnlyOnceTheMemoriesLoad() {
        ConsolidationSandbox degraded = new ConsolidationSandbox(
                () -> {
                    throw new IllegalStateException("the model is still loading");
                },
                CLOCK);

        assertThat(degraded.fill(List.of("an item"), 0.8)).hasSize(1);
        assertThatThrownBy(degraded::load).hasMessage("the model is still loading");
    }

    @Test
    void consolidatingBeforeTheMemoriesLoad_isRefused() {
        sandbox.fill(List.of("an item"), 0.8);

        assertThatThrownBy(sandbox::consolidate).isInstanceOf(IllegalStateException.class);
    }
}
