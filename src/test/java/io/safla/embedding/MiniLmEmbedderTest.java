package io.safla.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

    // The quantised export drifts a little from the float model; 0.03 is the tolerance the team agreed on.
    private static final double TOLERANCE = 0.03;
    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void loadModel() {
        embedder = new MiniLmEmbedder();
    }

    /**
     * Reference: the sentence-transformers README/quickstart prints this similarity matrix for
     * all-MiniLM-L6-v2 (float model): 0.6660, 0.1046, 0.1411.
     */
    @Test
    void embed_quickstartSentences_reproducesPublishedSimilarities() {
        List<float[]> v = embedder.embedAll(
                List.of("The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."));

        assertThat(Embedder.cosine(v.get(0), v.get(1))).isCloseTo(0.6660, within(TOLERANCE));
        assertThat(Embedder.cosine(v.get(0), v.get(2))).isCloseTo(0.1046, within(TOLERANCE));
        assertThat(Embedder.cosine(v.get(1), v.get(2))).isCloseTo(0.1411, within(TOLERANCE));
    }

    /** Values measured for the quantised model in the stack check (docs/stack.md section 5). */
    @Test
    void embed_stackCheckPairs_matchMeasuredValues() {
        float[] cpu = embedder.embed("server CPU load is very high");
        float[] loaded = embedder.embed("processor heavily loaded");
        float[] apples = embedder.embed("I like to eat apples");

        assertThat(Embedder.cosine(cpu, loaded)).isCloseTo(0.7355, within(TOLERANCE));
        assertThat(Embedder.cosine(cpu, apples)).isCloseTo(-0.0318, within(TOLERANCE));
    }

    /** The original's hash "embeddings" scored unrelated strings 0.84-0.98. */
    @Test
    void embed_unrelatedTexts_scoreLowAndBelowRelated() {
        float[] q = embedder.embed("How do I reset my password?");
        double related = Embedder.cosine(q, embedder.embed("Steps to change a forgotten login password"));
        double unrelated = Embedder.cosine(q, embedder.embed("The giraffe is the tallest land animal"));

        assertThat(unrelated).isLessThan(0.25);
        assertThat(related).isGreaterThan(unrelated + 0.3);
    }

    @Test
    void embed_anyText_returnsUnitVectorOfDimension384() {
        float[] v = embedder.embed("hello world");

        assertThat(v).hasSize(384);
        assertThat(Embedder.cosine(v, v)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void embedAll_batch_equalsOneByOne() {
        List<String> texts = List.of("alpha particle", "beta decay", "gamma ray burst");
        List<float[]> batch = embedder.embedAll(texts);

        for (int i = 0; i < texts.size(); i++) {
            assertThat(Embedder.cosine(batch.get(i), embedder.embed(texts.get(i))))
                    .isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void embed_blankText_isRejected() {
        assertThatThrownBy(() -> embedder.embed("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> embedder.embedAll(List.of("ok", ""))).isInstanceOf(IllegalArgumentException.class);
    }
}
