package io.safla.cognition.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.embedding.CachingEmbedder;
import io.safla.embedding.MiniLmEmbedder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A short run of scripts/learning-curve.sh's experiment with the real MiniLM model (about 7 s). */
class LearningExperimentTest {

    @Test
    void aShortRunGainsOnHeldOutQueriesWithoutLosingTheControlSet() throws Exception {
        RetrievalSet set = RetrievalSet.bundled();
        List<LearningExperiment.Round> seen = new ArrayList<>();
        LearningExperiment.Result result =
                new LearningExperiment(set, new CachingEmbedder(new MiniLmEmbedder(), 5_000), 7, 6).run(3, seen::add);

        assertThat(seen).hasSize(4).isEqualTo(result.rounds());
        assertThat(result.baseline().heldOutStrategies()).containsOnlyKeys("cosine"); // the untrained default
        assertThat(result.last().heldOutNdcg()).isGreaterThan(result.baseline().heldOutNdcg());
        assertThat(result.last().controlNdcg())
                .isGreaterThanOrEqualTo(result.baseline().controlNdcg());
        assertThat(result.last().heldOutStrategies()).containsKey("hybrid");
        assertThat(result.heldOutByKind())
                .containsKeys("host", "error-code", "ticket", "version", "recency", "importance", "plain");
    }

    @Test
    void theSplitsShareNoQueryAndNoRelevantItemOutsidePlainFacts() {
        RetrievalSet set = RetrievalSet.bundled();
        assertThat(set.split("feedback")).isNotEmpty();
        assertThat(set.split("heldout")).isNotEmpty();
        assertThat(set.split("control")).isNotEmpty();
        Set<String> feedbackQueries = new HashSet<>();
        Set<String> feedbackItems = new HashSet<>();
        set.split("feedback").forEach(q -> {
            feedbackQueries.add(q.query());
            feedbackItems.addAll(q.relevant());
        });
        for (RetrievalSet.LabelledQuery q : set.split("heldout")) {
            assertThat(feedbackQueries).doesNotContain(q.query());
            assertThat(feedbackItems).doesNotContainAnyElementsOf(q.relevant());
        }
    }
}
