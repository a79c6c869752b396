package io.safla.cognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Bm25IndexTest {

    private static final Map<String, String> TOY = new LinkedHashMap<>();

    static {
        TOY.put("a", "disk full on db-prod-07 and postgres stopped");
        TOY.put("b", "disk full on db-prod-03 and postgres stopped");
        TOY.put("c", "the cat sat on the mat");
        TOY.put("d", "error E4012 means the card token expired");
        TOY.put("e", "the the the the the the cat");
    }

    private static Bm25Index toy() {
        Bm25Index index = new Bm25Index();
        index.rebuild(TOY);
        return index;
    }

    @Test
    void tokenize_keepsCompoundIdentifiersWholeAndSplitsTheirParts() {
        assertThat(Bm25Index.tokenize("Disk full on DB-prod-07, v2.14.3!"))
                .containsExactly("disk", "full", "on", "db-prod-07", "db", "prod", "07", "v2.14.3", "v2", "14", "3");
    }

    @Test
    void anIdentifierSeparatesOtherwiseIdenticalTexts() {
        Bm25Index index = toy();
        assertThat(index.score("what happened on db-prod-07", "a"))
                .isGreaterThan(index.score("what happened on db-prod-07", "b"));
        assertThat(index.top("db-prod-07", 1)).extracting(Map.Entry::getKey).containsExactly("a");
        assertThat(index.score("E4012", "d")).isPositive();
        assertThat(index.score("E4012", "c")).isZero();
    }

    @Test
    void rareTermsWeighMoreThanCommonOnes_andLongerDocumentsAreNormalised() {
        Bm25Index index = toy();
        // "postgres" is in two documents, "token" in one
        assertThat(index.score("token", "d")).isGreaterThan(index.score("postgres", "a"));
        // "cat" once each; e is padded with "the", so its length normalisation lowers the score
        assertThat(index.score("cat", "c")).isGreaterThan(index.score("cat", "e"));
        // term frequency still counts, saturating: "the" x6 beats "the" x2 but by less than threefold
        double many = index.score("the", "e");
        double two = index.score("the", "c");
        assertThat(many).isGreaterThan(two).isLessThan(3 * two);
    }

    @Test
    void removeKeepsTheStatisticsInStep_sameAsARebuildWithoutTheDocument() {
        Bm25Index incremental = toy();
        incremental.remove("b");
        Map<String, String> without = new LinkedHashMap<>(TOY);
        without.remove("b");
        Bm25Index rebuilt = new Bm25Index();
        rebuilt.rebuild(without);
        for (String id : without.keySet()) {
            assertThat(incremental.score("disk full db-prod-07 postgres cat", id))
                    .isEqualTo(rebuilt.score("disk full db-prod-07 postgres cat", id));
        }
        assertThat(incremental.score("postgres", "b")).isZero();
        assertThat(incremental.top("03", 5)).isEmpty(); // its only holder is gone from the postings too
        assertThat(incremental.top("disk postgres", 5))
                .extracting(Map.Entry::getKey)
                .containsExactly("a");
        assertThat(incremental.size()).isEqualTo(4);
        assertThat(incremental.remove("b")).isFalse();
    }

    @Test
    void putReplacesAnExistingDocument() {
        Bm25Index index = toy();
        index.put("c", "now about E4012");
        assertThat(index.score("mat", "c")).isZero();
        assertThat(index.score("e4012", "c")).isPositive();
        assertThat(index.size()).isEqualTo(5);
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> new Bm25Index(1.2, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bm25Index(-1, 0.75)).isInstanceOf(IllegalArgumentException.class);
    }
}
