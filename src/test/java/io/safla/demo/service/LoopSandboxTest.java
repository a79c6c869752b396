package io.safla.demo.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.cognition.CycleRecord;
import io.safla.cognition.Judgement;
import io.safla.cognition.experiment.RetrievalSet;
import io.safla.embedding.HashingEmbedder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** On the hashing embedder, as the view tests. */
class LoopSandboxTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final RetrievalSet SET = RetrievalSet.bundled();

    private static LoopSandbox sandbox() {
        return new LoopSandbox(DemoService.sandbox(new HashingEmbedder(384), CLOCK), SET, CLOCK);
    }

    @Test
    void loadsTheLabelledSetIntoThePrivateMemory() {
        LoopSandbox.Loaded loaded = sandbox().loaded();

        assertThat(loaded.memories()).isEqualTo(SET.items().size());
        assertThat(loaded.embedder()).isEqualTo(new HashingEmbedder(384).name());
        assertThat(loaded.feedbackQueries())
                .isEqualTo(SET.split("feedback").size())
                .isPositive();
        assertThat(loaded.heldOutQueries())
                .isEqualTo(SET.split("heldout").size())
                .isPositive();
    }

    @Test
    void everyMeasurementIsAPoint_inOrder_startCyclesProposal() {
        LoopSandbox sandbox = sandbox();

        double start = sandbox.baseline();
        LoopSandbox.Cycle one = sandbox.runCycle(1);
        LoopSandbox.Cycle two = sandbox.runCycle(2);
        LoopSandbox.Cycle proposal = sandbox.propose(0.05);

        List<LoopSandbox.Point> points = sandbox.points();
        assertThat(points)
                .extracting(LoopSandbox.Point::label)
                .containsExactly("start", "cycle 1", "cycle 2", "proposal");
        assertThat(points.get(0)).isEqualTo(new LoopSandbox.Point("start", start, 0, null));
        assertThat(points.get(1))
                .isEqualTo(new LoopSandbox.Point(
                        "cycle 1",
                        one.heldOutNdcg(),
                        one.record().delta().total(),
                        one.record().outcome().name()));
        assertThat(points.get(2).heldOutNdcg()).isEqualTo(two.heldOutNdcg());
        assertThat(points.get(3))
                .isEqualTo(new LoopSandbox.Point(
                        "proposal",
                        proposal.heldOutNdcg(),
                        proposal.record().delta().total(),
                        proposal.record().outcome().name()));
        assertThat(points).allSatisfy(p -> assertThat(p.heldOutNdcg()).isBetween(0.0, 1.0));
        assertThat(sandbox.selfAwareness().cycles()).isEqualTo(3);
    }

    @Test
    void eachCycleJudgesTheNextBatchOfFeedbackQueries_andCountsTheStrategiesTried() {
        LoopSandbox sandbox = sandbox();
        Set<String> feedback = new HashSet<>(SET.split("feedback").stream()
                .map(RetrievalSet.LabelledQuery::query)
                .toList());
        Set<String> heldOut = new HashSet<>(SET.split("heldout").stream()
                .map(RetrievalSet.LabelledQuery::query)
                .toList());

        LoopSandbox.Cycle one = sandbox.runCycle(1);
        LoopSandbox.Cycle two = sandbox.runCycle(2);

        for (LoopSandbox.Cycle cycle : List.of(one, two)) {
            List<String> judged =
                    cycle.record().judgements().stream().map(Judgement::query).toList();
            assertThat(judged)
                    .hasSize(LoopSandbox.BATCH)
                    .allMatch(feedback::contains)
                    .noneMatch(heldOut::contains);
            assertThat(cycle.strategiesTried().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .isEqualTo(cycle.record().decisions().size());
        }
        assertThat(two.record().judgements())
                .doesNotContainAnyElementsOf(one.record().judgements());
    }

    @Test
    void theFeedbackOrderIsFixed_soARerunJudgesTheSameQueries() {
        // the delta's efficiency part is measured time, so the deltas themselves vary from run to run
        LoopSandbox a = sandbox();
        LoopSandbox b = sandbox();

        assertThat(b.baseline()).isEqualTo(a.baseline());
        for (int cycle = 1; cycle <= 3; cycle++) {
            assertThat(b.runCycle(cycle).record().judgements())
                    .isEqualTo(a.runCycle(cycle).record().judgements());
        }
    }

    @Test
    void aProposal_isJudgedByTheGate_andTheWeightAfterItIsReported() {
        LoopSandbox sandbox = sandbox();
        sandbox.runCycle(1);

        LoopSandbox.Cycle proposal = sandbox.propose(0.05);

        assertThat(proposal.record().adaptation()).isEqualTo("set the lexical weight to 0.05");
        assertThat(proposal.strategiesTried()).isEmpty();
        assertThat(proposal.hybridWeight())
                .isEqualTo(
                        proposal.record().outcome() == CycleRecord.Outcome.KEPT
                                ? 0.05
                                : proposal.record().hybridWeightBefore());
        assertThat(proposal.hybridWeight()).isEqualTo(proposal.record().hybridWeightAfter());
        assertThat(proposal.threshold()).isEqualTo(proposal.record().thresholdAfter());
    }
}
