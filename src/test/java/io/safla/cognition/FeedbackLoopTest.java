package io.safla.cognition;

import static org.assertj.core.api.Assertions.assertThat;

import io.safla.embedding.HashingEmbedder;
import io.safla.memory.MemoryEngine;
import io.safla.memory.MemoryType;
import io.safla.memory.NewMemory;
import io.safla.memory.vector.EvictionPolicy;
import io.safla.memory.vector.ScalarKernel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedbackLoopTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
    private static final List<String> REGIONS = List.of("north", "south", "east", "west");
    private static final String GUARD_QUERY = "what caused the outage in the north datacenter";

    private MemoryEngine engine;

    @BeforeEach
    void fill() {
        engine = new MemoryEngine(
                new MemoryEngine.Config(100, EvictionPolicy.LRU, 0, Duration.ofMinutes(1), 1000, 1),
                new HashingEmbedder(256),
                new ScalarKernel(),
                null,
                CLOCK);
        List<NewMemory> items = new ArrayList<>();
        for (String region : REGIONS) {
            // the cause answers "what caused"; the review is merely important and similar
            items.add(
                    memory("cause-" + region, "power failure caused the outage in the " + region + " datacenter", 0.0));
            items.add(memory(
                    "review-" + region, "the outage in the " + region + " datacenter gets a review on friday", 1.0));
        }
        for (String filler : List.of(
                "the cafeteria serves soup on mondays",
                "rotate the keys of the build server",
                "gradient descent follows the negative gradient",
                "the office plants need water weekly")) {
            items.add(memory("filler-" + items.size(), filler, 0.5));
        }
        engine.addAll(items);
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    private static NewMemory memory(String id, String text, double importance) {
        return new NewMemory(id, text, MemoryType.SEMANTIC, Set.of(), importance, CLOCK.instant(), Map.of());
    }

    private FeedbackLoop loop(SafetyGate gate) {
        AdaptiveRetrieval learner = new AdaptiveRetrieval(
                new CandidateRetriever(engine, 50, 20), CLOCK, AdaptiveRetrieval.Config.defaults(1));
        return new FeedbackLoop(learner, DeltaEvaluator.withDefaults(), gate, CLOCK);
    }

    /** Feedback that (wrongly) says the important review answers "what caused" in the south. */
    private static List<Judgement> misleadingFeedback() {
        return List.of(new Judgement(
                "what caused the outage in the south datacenter", Set.of("review-south"), Set.of("cause-south")));
    }

    /** Guard queries where cosine is right: the loop must keep answering them. */
    private static void guardTheOtherRegions(FeedbackLoop loop) {
        for (String region : List.of("north", "east", "west")) {
            loop.addGuard(new Judgement(
                    "what caused the outage in the " + region + " datacenter", Set.of("cause-" + region), Set.of()));
        }
    }

    @Test
    void theSetUpIsFair_cosineAnswersTheGuardAndImportanceDoesNot() {
        AdaptiveRetrieval learner = loop(SafetyGate.defaults()).learner();
        assertThat(learner.answer(GUARD_QUERY, Strategies.byName("cosine"))
                        .ids()
                        .get(0))
                .isEqualTo("cause-north");
        assertThat(learner.answer(GUARD_QUERY, Strategies.byName("importance"))
                        .ids()
                        .get(0))
                .isEqualTo("review-north");
    }

    @Test
    void anAdaptationThatWorsensAGuardedMetricBeyondItsBoundIsRolledBackExactly() {
        FeedbackLoop loop = loop(SafetyGate.defaults());
        guardTheOtherRegions(loop);
        AdaptiveRetrieval.LearnerState before = loop.learner().snapshot();

        CycleRecord cycle = loop.runCycle(misleadingFeedback(), "interactive", false, true);

        assertThat(cycle.outcome()).isEqualTo(CycleRecord.Outcome.ROLLED_BACK);
        assertThat(cycle.violations()).anyMatch(v -> v.startsWith("quality fell"));
        assertThat(cycle.after().quality()).isLessThan(cycle.before().quality() - 0.02);
        assertThat(cycle.decisions()).extracting(CycleRecord.Decision::strategy).containsOnly("importance");
        assertThat(cycle.delta().performance()).isNegative();
        assertThat(cycle.delta().stability()).isNegative();
        // the learner is back exactly where the checkpoint left it: bandit matrices, weight and threshold
        assertThat(loop.learner().snapshot())
                .isEqualTo(before)
                .isEqualTo(loop.checkpoint(cycle.checkpointId()).orElseThrow());
        assertThat(loop.learner().preferredStrategy(GUARD_QUERY)).isEqualTo("cosine");
        assertThat(loop.selfAwareness().rollbacks()).isEqualTo(1);
    }

    @Test
    void withoutTheBoundTheSameAdaptationStays_soTheRollbackAboveWasTheGatesDoing() {
        FeedbackLoop loop = loop(new SafetyGate(1, 1, 1000, 1e9));
        guardTheOtherRegions(loop);

        CycleRecord cycle = loop.runCycle(misleadingFeedback(), "interactive", false, true);

        assertThat(cycle.outcome()).isEqualTo(CycleRecord.Outcome.KEPT);
        assertThat(loop.learner().preferredStrategy(GUARD_QUERY)).isEqualTo("importance");
    }

    @Test
    void aProposedChangeGoesThroughTheSameGate() {
        FeedbackLoop loop = loop(SafetyGate.defaults());
        guardTheOtherRegions(loop);
        AdaptiveRetrieval.LearnerState before = loop.learner().snapshot();

        CycleRecord harmful = loop.tryAdaptation(
                "mislead", l -> l.learnCounterfactually(misleadingFeedback().get(0)), "interactive");
        assertThat(harmful.outcome()).isEqualTo(CycleRecord.Outcome.ROLLED_BACK);
        assertThat(harmful.adaptation()).isEqualTo("mislead");
        assertThat(harmful.judgements()).isEmpty();
        assertThat(loop.learner().snapshot()).isEqualTo(before);

        CycleRecord harmless = loop.tryAdaptation("weight 0.6", l -> l.override(0.6, 0.1), "interactive");
        assertThat(harmless.outcome()).isEqualTo(CycleRecord.Outcome.KEPT);
        assertThat(loop.learner().hybridWeight()).isEqualTo(0.6);
        assertThat(loop.learner().threshold()).isEqualTo(0.1);
    }

    @Test
    void helpfulFeedbackIsKept_andTheCycleRecordsInputsDecisionAndOutcome() {
        FeedbackLoop loop = loop(SafetyGate.defaults());
        List<Judgement> honest = REGIONS.stream()
                .map(r -> new Judgement(
                        "when is the outage review for the " + r + " datacenter", Set.of("review-" + r), Set.of()))
                .toList();

        CycleRecord cycle = loop.runCycle(honest, "interactive", true, false);

        assertThat(cycle.outcome()).isEqualTo(CycleRecord.Outcome.KEPT);
        assertThat(cycle.violations()).isEmpty();
        assertThat(cycle.judgements()).isEqualTo(honest);
        assertThat(cycle.decisions())
                .hasSize(4)
                .allSatisfy(d -> assertThat(d.reward()).isBetween(0.0, 1.0));
        assertThat(cycle.before().queries()).isEqualTo(4);
        assertThat(loop.cycles()).containsExactly(cycle);
        SelfAwareness state = loop.selfAwareness();
        assertThat(state.cycles()).isEqualTo(1);
        assertThat(state.guardQueries()).isEqualTo(4);
        assertThat(state.strategies().stream()
                        .mapToLong(AdaptiveRetrieval.StrategyStats::pulls)
                        .sum())
                .isEqualTo(4);
        assertThat(state.goals())
                .hasSize(3)
                .allSatisfy(g -> assertThat(g.progress()).isBetween(0.0, 1.0));
    }

    @Test
    void theThresholdAdaptsToTheRelevantItemsAndNeverHidesOne() {
        FeedbackLoop loop = loop(SafetyGate.defaults());
        AdaptiveRetrieval learner = loop.learner();
        assertThat(learner.threshold()).isZero();
        for (int i = 0; i < 20; i++) {
            learner.learnCounterfactually(new Judgement(GUARD_QUERY, Set.of("cause-north"), Set.of()));
        }
        double cosine = learner.answer(GUARD_QUERY, Strategies.byName("cosine"))
                .ranking()
                .get(0)
                .cosine();
        assertThat(learner.threshold()).isPositive().isLessThanOrEqualTo(0.8 * cosine + 1e-9);
        assertThat(learner.exploit(GUARD_QUERY).ids()).contains("cause-north");
    }

    @Test
    void theGuardSetKeepsTheNewestJudgedQueriesUpToItsLimit_mergingRepeats() {
        AdaptiveRetrieval learner = new AdaptiveRetrieval(
                new CandidateRetriever(engine, 50, 20), CLOCK, AdaptiveRetrieval.Config.defaults(1));
        FeedbackLoop loop = new FeedbackLoop(learner, DeltaEvaluator.withDefaults(), SafetyGate.defaults(), CLOCK, 2);
        loop.addGuard(Judgement.of("q1", "cause-north", true));
        loop.addGuard(Judgement.of("q2", "cause-south", true));
        loop.addGuard(Judgement.of("q1", "review-north", false)); // merged into q1, which becomes the newest
        loop.addGuard(Judgement.of("q3", "cause-east", true)); // pushes out q2

        assertThat(loop.selfAwareness().guardQueries()).isEqualTo(2);
        assertThat(loop.observe().queries()).isEqualTo(2);
    }

    @Test
    void theLexicalIndexFollowsTheEngine() {
        CandidateRetriever retriever = new CandidateRetriever(engine, 5, 5);
        assertThat(retriever.indexedDocuments()).isEqualTo(12);
        engine.add(memory("new", "ticket OPS-1432 rotates the certificates", 0.5));
        assertThat(retriever.candidates("OPS-1432", 0))
                .extracting(Candidate::id)
                .contains("new");
        engine.delete("new");
        assertThat(retriever.indexedDocuments()).isEqualTo(12);
    }
}
