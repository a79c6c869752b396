package io.safla.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashingEmbedderTest {

    private final HashingEmbedder embedder = new HashingEmbedder(512);

    @ParameterizedTest
    @ValueSource(ints = {16, 384, 512, 768, 1024, 1536, 1000})
    void embed_anyDimension_returnsUnitVectorOfThatDimension(int dimension) {
        float[] v = new HashingEmbedder(dimension).embed("memory consolidation runs every five minutes");

        assertThat(v).hasSize(dimension);
        assertThat(Embedder.cosine(v, v)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void embed_sameText_isDeterministicAcrossInstances() {
        assertThat(new HashingEmbedder(768).embed("Deterministic, please!"))
                .containsExactly(new HashingEmbedder(768).embed("Deterministic, please!"));
    }

    @Test
    void embed_sharedWordsAndMorphology_scoreAboveUnrelated() {
        float[] q = embedder.embed("server CPU load is very high");
        double related = Embedder.cosine(q, embedder.embed("the server load was high all night"));
        double morph = Embedder.cosine(embedder.embed("loading"), embedder.embed("loaded"));
        double unrelated = Embedder.cosine(q, embedder.embed("I like to eat apples"));

        assertThat(related).isGreaterThan(0.4);
        assertThat(morph).isGreaterThan(0.1);
        assertThat(Math.abs(unrelated)).isLessThan(0.15);
    }

    /** Signed buckets make collisions cancel: unrelated texts average ~0 and some score below 0. */
    @Test
    void embed_unrelatedRandomTexts_averageNearZeroAndSomeNegative() {
        java.util.Random rnd = new java.util.Random(7);
        double sum = 0;
        double min = 1;
        int pairs = 200;
        for (int i = 0; i < pairs; i++) {
            double c = Embedder.cosine(embedder.embed(randomWords(rnd)), embedder.embed(randomWords(rnd)));
            sum += c;
            min = Math.min(min, c);
        }
        assertThat(Math.abs(sum / pairs)).isLessThan(0.03);
        assertThat(min).isNegative();
    }

    private static String randomWords(java.util.Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < 6; w++) {
            for (int c = 0; c < 3 + rnd.nextInt(5); c++) {
                sb.append((char) ('a' + rnd.nextInt(26)));
            }
            sb.append(' ');
        }
        return sb.toString();
    }

    @Test
    void embed_caseAndPunctuation_doNotMatter() {
        assertThat(Embedder.cosine(embedder.embed("Hello, World!"), embedder.embed("hello world")))
                .isCloseTo(1.0, within(1e-6));
    }

    @Test
    void embed_repeatedWord_isDampedBySublinearTf() {
        float[] once = embedder.embed("alarm status");
        float[] many = embedder.embed("alarm alarm alarm alarm alarm alarm alarm alarm status");
        float[] status = embedder.embed("status");

        // with raw counts "status" would be drowned out (cosine 0.12 measured); log damping keeps it visible
        assertThat(Embedder.cosine(many, status)).isGreaterThan(0.25);
        assertThat(Embedder.cosine(once, many)).isGreaterThan(0.7);
    }

    @Test
    void embed_punctuationOnly_stillEmbeds() {
        assertThat(embedder.embed("?!")).hasSize(512);
    }

    @Test
    void embed_blankOrNull_isRejected() {
        assertThatThrownBy(() -> embedder.embed("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> embedder.embed(" \t\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> embedder.embed(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_dimensionOutOfRange_isRejected() {
        assertThatThrownBy(() -> new HashingEmbedder(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HashingEmbedder(9000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenize_unicodeText_splitsOnNonLetters() {
        assertThat(HashingEmbedder.tokenize("Grüße, Welt-2024!")).containsExactly("grüße", "welt", "2024");
    }

    @Test
    void hash_differentSeedsOrStrings_differ() {
        assertThat(HashingEmbedder.hash("abc", 1)).isNotEqualTo(HashingEmbedder.hash("abc", 2));
        assertThat(HashingEmbedder.hash("abc", 1)).isNotEqualTo(HashingEmbedder.hash("abd", 1));
    }

    @Test
    void embedAll_returnsOneVectorPerText() {
        assertThat(embedder.embedAll(List.of("a b", "c d"))).hasSize(2);
    }
}
