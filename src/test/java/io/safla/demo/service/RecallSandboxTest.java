package io.safla.demo.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.embedding.HashingEmbedder;
import io.safla.memory.SearchResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On the hashing embedder, which matches words rather than meaning. */
class RecallSandboxTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private static final List<String> FACTS = List.of(
            "The transformer architecture relates every token to every other token with self-attention.",
            "Reinforcement learning agents improve a policy from the rewards they receive.",
            "Gradient descent moves model weights against the gradient of the loss.",
            "A vector database answers nearest-neighbour queries over embeddings.",
            "Dropout randomly zeroes activations during training to reduce overfitting.");

    private final RecallSandbox sandbox = new RecallSandbox(DemoService.sandbox(new HashingEmbedder(512), CLOCK));

    @Test
    void storesEveryFact_andRecallsTheMatchingOneFirst_thenFromTheCache() {
        assertThat(sandbox.stats().count()).isZero();
        assertThat(sandbox.stats().dimension()).isEqualTo(512);

        RecallSandbox.Stored stored = sandbox.store(FACTS);
        SearchResult first = sandbox.recall("which architecture uses self-attention between tokens");
        SearchResult again = sandbox.recall("which architecture uses self-attention between tokens");

        assertThat(stored.items()).extracting(m -> m.text()).containsExactlyElementsOf(FACTS);
        assertThat(stored.millis()).isNotNegative();
        assertThat(sandbox.stats().count()).isEqualTo(FACTS.size());
        assertThat(first.hits()).hasSize(RecallSandbox.RECALLED);
        assertThat(first.hits().get(0).item().text()).contains("self-attention");
        assertThat(first.cached()).isFalse();
        assertThat(again.cached()).isTrue();
        assertThat(again.hits()).isEqualTo(first.hits());
    }

    @Test
    void aMinimumScore_leavesOutWhatIsNotRelevant() {
        sandbox.store(FACTS);

        assertThat(sandbox.recall("What is a good recipe for chocolate cake?").hits())
                .hasSize(3);
        assertThat(sandbox.recall("What is a good recipe for chocolate cake?", 0.3)
                        .hits())
                .isEmpty();
    }

    @Test
    void factsMustBeGiven_andAtMostAThousandCharactersEach() {
        assertThatThrownBy(() -> sandbox.store(List.of())).hasMessage("type at least one fact");
        assertThatThrownBy(() -> sandbox.store(List.of("short", "x".repeat(1001))))
                .hasMessage("each fact must be at most 1 000 characters");
        assertThat(sandbox.stats().count())
                .as("nothing stored by a refused call")
                .isZero();
    }
}
