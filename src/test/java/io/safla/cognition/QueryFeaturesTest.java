package io.safla.cognition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryFeaturesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what went wrong on db-prod-07?",
                "checkout failed with E4012",
                "release notes v2.14.3",
                "OPS-1432",
                "where is API_KEY set",
                "changes in 3.1.2"
            })
    void identifiersAreRecognised(String query) {
        assertThat(QueryFeatures.of(query).activeNames()).contains("identifier");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Which paper introduced the Transformer?", "how do embeddings relate", "What is Goodhart's law?"
            })
    void plainQuestionsNameNoIdentifier(String query) {
        QueryFeatures f = QueryFeatures.of(query);
        assertThat(f.activeNames()).containsExactly("question");
    }

    @Test
    void recencyImportanceNumbersAndQuotesAreSeparateFeatures() {
        assertThat(QueryFeatures.of("latest status of the search migration").activeNames())
                .containsExactly("recency-cue");
        assertThat(QueryFeatures.of("the key decision on pricing").activeNames())
                .containsExactly("importance-cue");
        assertThat(QueryFeatures.of("incidents in 2024").activeNames()).containsExactly("number");
        assertThat(QueryFeatures.of("find \"rotate the certificates\"").activeNames())
                .containsExactly("quoted");
    }

    @Test
    void vectorHasTheBiasAndABoundedLength() {
        double[] v = QueryFeatures.of("a ".repeat(50)).vector();
        assertThat(v).hasSize(QueryFeatures.DIMENSION);
        assertThat(v[0]).isEqualTo(1);
        assertThat(v[1]).isEqualTo(1);
        assertThat(QueryFeatures.of("two words").vector()[1]).isEqualTo(0.1);
    }
}
