package io.safla.demo.service;

import io.safla.cognition.CycleRecord;
import io.safla.cognition.FeedbackLoop;
import io.safla.cognition.Judgement;
import io.safla.cognition.SelfAwareness;
import io.safla.cognition.experiment.LearningExperiment;
import io.safla.cognition.experiment.RetrievalSet;
import io.safla.cognition.service.FeedbackLoopService;
import io.safla.memory.MemoryEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One visitor's "Self-improving loop" run: the labelled retrieval set in a private memory and a feedback loop with
 * the production settings over it. Quality is measured on the held-out queries, which the loop never sees; every
 * measurement is kept as a {@link Point} for the chart. The same experiment as scripts/learning-curve.sh, one cycle
 * at a time.
 */
public final class LoopSandbox {

    /** Judged queries per feedback cycle. */
    public static final int BATCH = 6;

    /** The memory and the queries, as loaded. */
    public record Loaded(int memories, String embedder, int feedbackQueries, int heldOutQueries) {}

    /** One charted point: a cycle's label, held-out nDCG after it, its total delta and outcome (none at the start). */
    public record Point(
            String label,
            double heldOutNdcg,
            double totalDelta,
            @Nullable String outcome) {}

    /**
     * A cycle or proposal as the loop recorded it, the held-out nDCG and the learner's hybrid weight and threshold
     * after it, and how many of the judged queries each strategy answered (by strategy name, sorted).
     */
    public record Cycle(
            CycleRecord record,
            double heldOutNdcg,
            double hybridWeight,
            double threshold,
            SortedMap<String, Integer> strategiesTried) {}

    private final MemoryEngine engine;
    private final RetrievalSet set;
    private final FeedbackLoop loop;
    private final List<RetrievalSet.LabelledQuery> feedbackOrder;
    private final List<Point> points = new ArrayList<>();

    /** Embeds the set's memories into the engine and starts a fresh loop over it. */
    LoopSandbox(MemoryEngine engine, RetrievalSet set, Clock clock) {
        this.engine = engine;
        this.set = set;
        engine.addAll(set.items());
        loop = FeedbackLoopService.newLoop(engine, clock);
        List<RetrievalSet.LabelledQuery> order = new ArrayList<>(set.split("feedback"));
        // a fixed order: a rerun with the same inputs shows the same curve
        Collections.shuffle(order, new Random(7));
        feedbackOrder = List.copyOf(order);
    }

    public Loaded loaded() {
        return new Loaded(
                engine.size(),
                engine.embedder().name(),
                set.split("feedback").size(),
                set.split("heldout").size());
    }

    /** Measures the untrained loop (every query by cosine) and charts it as the start. */
    public double baseline() {
        double ndcg = heldOutNdcg();
        points.add(new Point("start", ndcg, 0, null));
        return ndcg;
    }

    /**
     * Feedback cycle {@code cycle} (from 1): the next {@value #BATCH} feedback queries in a fixed shuffled order,
     * judged by their known answers, with exploration; the loop keeps or rolls back what it learned.
     */
    public Cycle runCycle(int cycle) {
        List<Judgement> batch = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            RetrievalSet.LabelledQuery q = feedbackOrder.get(((cycle - 1) * BATCH + i) % feedbackOrder.size());
            batch.add(new Judgement(q.query(), q.relevant(), Set.of()));
        }
        CycleRecord record = loop.runCycle(batch, "interactive", true, false);
        double ndcg = heldOutNdcg();
        points.add(new Point(
                "cycle " + cycle, ndcg, record.delta().total(), record.outcome().name()));
        SortedMap<String, Integer> chosen = new TreeMap<>();
        record.decisions().forEach(d -> chosen.merge(d.strategy(), 1, Integer::sum));
        return after(record, ndcg, chosen);
    }

    /** Proposes a new lexical weight for the hybrid strategy; the loop's gate keeps it or rolls it back. */
    public Cycle propose(double lexicalWeight) {
        CycleRecord record = loop.tryAdaptation(
                String.format(Locale.ROOT, "set the lexical weight to %.2f", lexicalWeight),
                learner -> learner.override(lexicalWeight, learner.threshold()),
                "interactive");
        double ndcg = heldOutNdcg();
        points.add(new Point(
                "proposal", ndcg, record.delta().total(), record.outcome().name()));
        return after(record, ndcg, new TreeMap<>());
    }

    private Cycle after(CycleRecord record, double ndcg, SortedMap<String, Integer> chosen) {
        return new Cycle(
                record,
                ndcg,
                loop.learner().hybridWeight(),
                loop.learner().threshold(),
                Collections.unmodifiableSortedMap(chosen));
    }

    /** Every measurement so far, in order: the start, each cycle, the proposal. */
    public List<Point> points() {
        return List.copyOf(points);
    }

    /** The loop's goals, confidence and what each strategy earned. */
    public SelfAwareness selfAwareness() {
        return loop.selfAwareness();
    }

    /** Mean nDCG@10 of the learner's answers on the held-out queries. */
    public double heldOutNdcg() {
        return LearningExperiment.meanNdcg(loop.learner(), set.split("heldout"));
    }
}
