package io.safla.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The search input rules every door shares: what problems() accepts, the record accepts too. */
class SearchInputRulesTest {

    @Test
    void problems_validInputs_areNone_andMakeARequest() {
        assertThat(SearchRequest.problems("kalman filter", 10, 0.3)).isEmpty();
        assertThat(SearchRequest.problems("x".repeat(SearchRequest.MAX_QUERY_LENGTH), SearchRequest.MAX_K, 1.0))
                .isEmpty();
        assertThat(new SearchRequest("kalman filter", 10, 0.3, null, null, null, null, null).k())
                .isEqualTo(10);
    }

    @Test
    void problems_eachBadInput_isNamedWithItsMessage() {
        assertThat(SearchRequest.problems("  ", 0, -0.1))
                .containsExactly(
                        java.util.Map.entry("query", SearchRequest.QUERY_BLANK),
                        java.util.Map.entry("k", SearchRequest.K_OUT_OF_RANGE),
                        java.util.Map.entry("threshold", SearchRequest.THRESHOLD_OUT_OF_RANGE));
        assertThat(SearchRequest.problems("x".repeat(SearchRequest.MAX_QUERY_LENGTH + 1), 101, Double.NaN))
                .containsEntry("query", "must be at most 1000 characters")
                .containsEntry("k", "must be between 1 and 100")
                .containsEntry("threshold", "must be between 0 and 1");
        assertThat(SearchRequest.problems(null, null, null)).containsOnlyKeys("query", "k", "threshold");
    }

    @Test
    void record_refusesWhatProblemsRefuses() {
        assertThatThrownBy(() -> new SearchRequest("q", SearchRequest.MAX_K + 1, 0, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SearchRequest("q", 5, 1.5, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
