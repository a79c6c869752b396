package io.safla.cognition;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The self-aware loop. One {@link #runCycle cycle}: observe the learner on its guard queries (every query judged
 * so far), checkpoint it, select a strategy per new judgement and adapt from the feedback, observe again, evaluate
 * the delta, and pass the safety gate: the change is kept, or the checkpoint is restored exactly. Every cycle is
 * recorded.
 *
 * <p>Thread-safe: cycles and state reads are serialised.
 */
public final class FeedbackLoop {

    /** Default bound on guard queries: every cycle answers each of them twice. */
    public static final int DEFAULT_GUARD_LIMIT = 300;

    private static final int CYCLE_HISTORY = 200;
    private static final int CHECKPOINTS_KEPT = 20;

    private final AdaptiveRetrieval learner;
    private final DeltaEvaluator evaluator;
    private final SafetyGate gate;
    private final Clock clock;
    private final int guardLimit;
    private final Map<String, Judgement> guard = new LinkedHashMap<>();
    private final Map<String, Double> keptQuality = new LinkedHashMap<>();
    private final Deque<CycleRecord> cycles = new ArrayDeque<>();
    private final LinkedHashMap<Long, AdaptiveRetrieval.LearnerState> checkpoints = new LinkedHashMap<>();
    private long cycleCount;
    private long rollbacks;
    private long nextCheckpointId = 1;
    private double qualityGoal = 0.8;

    public FeedbackLoop(AdaptiveRetrieval learner, DeltaEvaluator evaluator, SafetyGate gate, Clock clock) {
        this(learner, evaluator, gate, clock, DEFAULT_GUARD_LIMIT);
    }

    /** @param guardLimit how many judged queries (newest) a cycle is judged on */
    public FeedbackLoop(
            AdaptiveRetrieval learner, DeltaEvaluator evaluator, SafetyGate gate, Clock clock, int guardLimit) {
        if (guardLimit < 1) {
            throw new IllegalArgumentException("guardLimit must be >= 1");
        }
        this.guardLimit = guardLimit;
        this.learner = learner;
        this.evaluator = evaluator;
        this.gate = gate;
        this.clock = clock;
    }

    public AdaptiveRetrieval learner() {
        return learner;
    }

    /**
     * Runs one cycle on {@code batch}.
     *
     * @param explore let the bandit explore (live use); false makes it answer with its current belief
     * @param counterfactual score every strategy against each judgement (feedback given on another list, e.g. the
     *     plain memory search) instead of only the one chosen
     */
    public synchronized CycleRecord runCycle(
            List<Judgement> batch, String context, boolean explore, boolean counterfactual) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("a cycle needs at least one judgement");
        }
        for (Judgement j : batch) {
            addGuard(j);
        }
        String adaptation = "learn from " + batch.size() + " judgement" + (batch.size() == 1 ? "" : "s")
                + (counterfactual ? ", every strategy scored" : explore ? ", exploring" : "");
        return cycle(batch, context, adaptation, decisions -> {
            for (Judgement j : batch) {
                AdaptiveRetrieval.Learned learned;
                if (counterfactual) {
                    learned = learner.learnCounterfactually(j);
                } else {
                    AdaptiveRetrieval.Answer shown = explore ? learner.explore(j.query()) : learner.exploit(j.query());
                    learned = learner.learn(shown, j);
                }
                decisions.add(new CycleRecord.Decision(j.query(), learned.strategy(), learned.reward()));
            }
        });
    }

    /**
     * Puts a proposed change to the learner (e.g. an operator's "set the lexical weight to 0.05") through the same
     * observe, checkpoint, evaluate and gate steps as learning does: kept if the guarded metrics stay in bounds.
     */
    public synchronized CycleRecord tryAdaptation(
            String description, Consumer<AdaptiveRetrieval> change, String context) {
        if (guard.isEmpty()) {
            throw new IllegalStateException("no judged queries yet: nothing to judge the change by");
        }
        return cycle(List.of(), context, description, decisions -> change.accept(learner));
    }

    private CycleRecord cycle(
            List<Judgement> batch, String context, String adaptation, Consumer<List<CycleRecord.Decision>> adapt) {
        Map<String, Double> perQueryBefore = new LinkedHashMap<>();
        LoopMetrics before = observe(perQueryBefore, keptQuality);
        AdaptiveRetrieval.LearnerState checkpoint = learner.snapshot();
        long checkpointId = nextCheckpointId++;
        checkpoints.put(checkpointId, checkpoint);
        while (checkpoints.size() > CHECKPOINTS_KEPT) {
            checkpoints.remove(checkpoints.keySet().iterator().next());
        }

        double weightBefore = learner.hybridWeight();
        double thresholdBefore = learner.threshold();
        List<CycleRecord.Decision> decisions = new ArrayList<>();
        adapt.accept(decisions);
        double weightAfter = learner.hybridWeight();
        double thresholdAfter = learner.threshold();

        // a query judged for the first time has no kept quality yet: its stability is judged against "before"
        Map<String, Double> reference = new LinkedHashMap<>(perQueryBefore);
        reference.putAll(keptQuality);
        Map<String, Double> perQueryAfter = new LinkedHashMap<>();
        LoopMetrics after = observe(perQueryAfter, reference);
        Delta delta = evaluator.evaluate(before, after, context);
        List<String> violations = gate.violations(before, after);
        CycleRecord.Outcome outcome;
        if (violations.isEmpty()) {
            outcome = CycleRecord.Outcome.KEPT;
            keptQuality.putAll(perQueryAfter);
        } else {
            learner.restore(checkpoint);
            outcome = CycleRecord.Outcome.ROLLED_BACK;
            rollbacks++;
            keptQuality.putAll(perQueryBefore);
        }
        CycleRecord record = new CycleRecord(
                ++cycleCount,
                clock.instant(),
                context,
                adaptation,
                batch,
                decisions,
                weightBefore,
                weightAfter,
                thresholdBefore,
                thresholdAfter,
                before,
                after,
                delta,
                outcome,
                violations,
                checkpointId);
        cycles.addFirst(record);
        while (cycles.size() > CYCLE_HISTORY) {
            cycles.removeLast();
        }
        return record;
    }

    /**
     * What a restart needs to go on learning where it stopped: the learner, the judged queries the gate guards and
     * their kept quality, and the counters. The cycle history is not kept; it restarts empty.
     *
     * @param guard judged queries, oldest first
     */
    public record Saved(
            AdaptiveRetrieval.LearnerState learner,
            List<Judgement> guard,
            Map<String, Double> keptQuality,
            long cycles,
            long rollbacks) {

        public Saved {
            Objects.requireNonNull(learner, "learner");
            guard = List.copyOf(guard);
            keptQuality = Map.copyOf(keptQuality);
            if (cycles < 0 || rollbacks < 0 || rollbacks > cycles) {
                throw new IllegalArgumentException(
                        "counters out of range: " + cycles + " cycles, " + rollbacks + " rollbacks");
            }
        }
    }

    public synchronized Saved save() {
        return new Saved(
                learner.snapshot(),
                new ArrayList<>(guard.values()),
                new LinkedHashMap<>(keptQuality),
                cycleCount,
                rollbacks);
    }

    /** Replaces what this loop has learned with {@code saved}; throws (changing nothing) if it does not fit. */
    public synchronized void load(Saved saved) {
        learner.restore(saved.learner());
        guard.clear();
        keptQuality.clear();
        for (Judgement j : saved.guard()) {
            addGuard(j);
        }
        saved.keptQuality().forEach((query, quality) -> {
            if (guard.containsKey(query)) {
                keptQuality.put(query, quality);
            }
        });
        cycleCount = saved.cycles();
        rollbacks = saved.rollbacks();
        cycles.clear();
        checkpoints.clear();
    }

    /** Adds (or merges into) a guard query: one the learner must keep answering well. */
    public synchronized void addGuard(Judgement judgement) {
        Judgement old = guard.get(judgement.query());
        Judgement merged = judgement;
        if (old != null) {
            Set<String> relevant = new HashSet<>(old.relevant());
            Set<String> irrelevant = new HashSet<>(old.irrelevant());
            relevant.removeAll(judgement.irrelevant());
            irrelevant.removeAll(judgement.relevant());
            relevant.addAll(judgement.relevant());
            irrelevant.addAll(judgement.irrelevant());
            merged = new Judgement(judgement.query(), relevant, irrelevant);
            guard.remove(judgement.query()); // re-insert as newest
        }
        guard.put(judgement.query(), merged);
        while (guard.size() > guardLimit) {
            String oldest = guard.keySet().iterator().next();
            guard.remove(oldest);
            keptQuality.remove(oldest);
        }
    }

    /** Measures the learner's current (exploiting) answers on every guard query. */
    public synchronized LoopMetrics observe() {
        return observe(new LinkedHashMap<>(), keptQuality);
    }

    private LoopMetrics observe(Map<String, Double> perQuery, Map<String, Double> reference) {
        if (guard.isEmpty()) {
            return new LoopMetrics(0, 0, 1, 0, 0);
        }
        double quality = 0;
        double latency = 0;
        int stable = 0;
        int capable = 0;
        for (Judgement j : guard.values()) {
            AdaptiveRetrieval.Answer answer = learner.exploit(j.query());
            double q = RankingQuality.reward(answer.ids(), j, AdaptiveRetrieval.K);
            perQuery.put(j.query(), q);
            quality += q;
            latency += answer.tookMicros();
            if (q >= reference.getOrDefault(j.query(), q) - 1e-9) {
                stable++;
            }
            if (j.relevant().isEmpty() || RankingQuality.hit(answer.ids(), j.relevant(), AdaptiveRetrieval.K)) {
                capable++;
            }
        }
        int n = guard.size();
        return new LoopMetrics(quality / n, latency / n, (double) stable / n, (double) capable / n, n);
    }

    /** The checkpoint a cycle took, while it is still kept. */
    public synchronized Optional<AdaptiveRetrieval.LearnerState> checkpoint(long id) {
        return Optional.ofNullable(checkpoints.get(id));
    }

    /** Recorded cycles, newest first. */
    public synchronized List<CycleRecord> cycles() {
        return List.copyOf(cycles);
    }

    public DeltaEvaluator evaluator() {
        return evaluator;
    }

    /** Sets the nDCG the loop aims for on its guard queries (a goal in the self-awareness state). */
    public synchronized void setQualityGoal(double target) {
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("quality goal must be in (0, 1], got " + target);
        }
        qualityGoal = target;
    }

    public synchronized SelfAwareness selfAwareness() {
        LoopMetrics now = cycles.isEmpty()
                ? observe()
                : cycles.peekFirst().outcome() == CycleRecord.Outcome.KEPT
                        ? cycles.peekFirst().after()
                        : cycles.peekFirst().before();
        double confidence = guard.isEmpty()
                ? 0
                : guard.keySet().stream()
                        .mapToDouble(learner::confidence)
                        .average()
                        .orElse(0);
        double rollbackRate = cycleCount == 0 ? 0 : (double) rollbacks / cycleCount;
        List<SelfAwareness.Goal> goals = List.of(
                new SelfAwareness.Goal("answer quality (nDCG@10 on judged queries)", qualityGoal, now.quality(), false),
                new SelfAwareness.Goal(
                        "judged queries with a relevant hit in the top 10", 1.0, now.capability(), false),
                new SelfAwareness.Goal("share of cycles rolled back", 0.2, rollbackRate, true));
        return new SelfAwareness(
                goals,
                confidence,
                learner.strategyStats(),
                learner.hybridWeight(),
                learner.threshold(),
                guard.size(),
                cycleCount,
                rollbacks,
                evaluator.trend(10),
                cycles.stream().limit(10).toList());
    }
}
