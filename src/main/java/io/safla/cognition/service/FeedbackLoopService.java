package io.safla.cognition.service;

import io.safla.cognition.AdaptiveRetrieval;
import io.safla.cognition.CandidateRetriever;
import io.safla.cognition.CycleRecord;
import io.safla.cognition.DeltaEvaluator;
import io.safla.cognition.FeedbackLoop;
import io.safla.cognition.Judgement;
import io.safla.cognition.LoopStateCodec;
import io.safla.cognition.SafetyGate;
import io.safla.cognition.SelfAwareness;
import io.safla.config.AppProperties;
import io.safla.memory.MemoryEngine;
import io.safla.memory.service.MemoryService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Relevance feedback from visitors (Memory view thumbs, {@code POST /api/memory/feedback}) run through the
 * {@link FeedbackLoop} over the shared memory engine. One judgement is one cycle. The learner keeps its own
 * checkpoints (the loop's), not the memory's {@code CheckpointService}: those snapshot memory items, while what an
 * adaptation changes is the learner. What it has learned is saved after every judgement in
 * {@code <data>/cognition/learner.json} and read back at start-up (and when the engine is replaced), so a restart
 * goes on where it stopped; only the cycle history starts empty. A file that cannot be read is moved aside to
 * {@code learner.json.rejected} (never overwritten) and learning starts afresh.
 */
@Service
public class FeedbackLoopService {

    /** Seed of the learner's tie-breaking: fixed, so the same feedback teaches the same thing. */
    static final long SEED = 7;

    static final int GUARD_QUERIES = 100;

    private static final Logger log = LoggerFactory.getLogger(FeedbackLoopService.class);

    private final MemoryService memory;
    private final Clock clock;
    private final Path stateFile;
    private @Nullable MemoryEngine engine;
    private @Nullable FeedbackLoop loop;

    public FeedbackLoopService(MemoryService memory, Clock clock, AppProperties app) {
        this.memory = memory;
        this.clock = clock;
        this.stateFile = app.dataDir().resolve("cognition").resolve("learner.json");
    }

    /**
     * What one piece of feedback changed.
     *
     * @param preferredBefore the strategy the learner would have used for this query before
     * @param preferredAfter and after this feedback (after a rollback: the same)
     * @param message one sentence for the visitor
     */
    public record FeedbackOutcome(
            long cycle,
            String outcome,
            String preferredBefore,
            String preferredAfter,
            String bestStrategy,
            double reward,
            double hybridWeightBefore,
            double hybridWeightAfter,
            double thresholdBefore,
            double thresholdAfter,
            double totalDelta,
            List<String> violations,
            String message) {}

    /**
     * What the learning changes today: the loop's own retrieval, not the memory search, which still ranks by cosine
     * similarity. Said with every outcome so that no message promises a change the next search does not show.
     */
    static final String SEARCH_STILL_COSINE = "The memory search still ranks by cosine similarity.";

    /**
     * Learns from one judgement: {@code itemId} is (not) relevant to {@code query}.
     *
     * @throws UnknownItemException if the memory holds no such item
     * @throws IllegalArgumentException if the query is blank
     */
    public synchronized FeedbackOutcome feedback(String query, String itemId, boolean relevant) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        FeedbackLoop current = loop();
        if (current.learner().retriever().engine().get(itemId).isEmpty()) {
            throw new UnknownItemException(itemId);
        }
        String q = query.strip();
        String before = current.learner().preferredStrategy(q);
        CycleRecord cycle = current.runCycle(List.of(Judgement.of(q, itemId, relevant)), "interactive", false, true);
        String after = current.learner().preferredStrategy(q);
        LoopStateCodec.write(stateFile, current.save());
        CycleRecord.Decision decision = cycle.decisions().get(0);
        String message;
        if (cycle.outcome() == CycleRecord.Outcome.ROLLED_BACK) {
            message = "Rolled back: " + String.join("; ", cycle.violations()) + ". Nothing learned was kept.";
        } else if (!before.equals(after)) {
            message = "Learned: the feedback loop now prefers " + after + " to " + before + " for queries like this. "
                    + SEARCH_STILL_COSINE;
        } else {
            message = String.format(
                    Locale.ROOT,
                    "Learned: the feedback loop keeps %s for queries like this; hybrid weight %.2f, threshold %.2f. %s",
                    after,
                    current.learner().hybridWeight(),
                    current.learner().threshold(),
                    SEARCH_STILL_COSINE);
        }
        return new FeedbackOutcome(
                cycle.cycle(),
                cycle.outcome().name(),
                before,
                after,
                decision.strategy(),
                decision.reward(),
                cycle.hybridWeightBefore(),
                cycle.outcome() == CycleRecord.Outcome.KEPT ? cycle.hybridWeightAfter() : cycle.hybridWeightBefore(),
                cycle.thresholdBefore(),
                cycle.outcome() == CycleRecord.Outcome.KEPT ? cycle.thresholdAfter() : cycle.thresholdBefore(),
                cycle.delta().total(),
                cycle.violations(),
                message);
    }

    /** The loop's self-awareness state. */
    public synchronized SelfAwareness state() {
        return loop().selfAwareness();
    }

    /** The shared engine's loop, made anew when the engine was replaced. */
    private FeedbackLoop loop() {
        MemoryEngine current = memory.engine();
        if (loop == null || engine != current) {
            engine = current;
            loop = resumed(current);
        }
        return loop;
    }

    /** A new loop over {@code current} that goes on from the saved state, if there is a usable one. */
    private FeedbackLoop resumed(MemoryEngine current) {
        FeedbackLoop fresh = newLoop(current, clock);
        if (!Files.exists(stateFile)) {
            return fresh;
        }
        try {
            FeedbackLoop.Saved saved = LoopStateCodec.read(stateFile, fresh.save());
            fresh.load(saved);
            log.info(
                    "Feedback loop: resumed from {} ({} judged queries, {} cycles)",
                    stateFile,
                    saved.guard().size(),
                    saved.cycles());
            return fresh;
        } catch (IOException | RuntimeException e) {
            Path rejected = stateFile.resolveSibling(stateFile.getFileName() + ".rejected");
            log.warn(
                    "Feedback loop: {} cannot be used ({}); moved to {} and learning starts afresh",
                    stateFile,
                    e.getMessage(),
                    rejected);
            try {
                Files.move(stateFile, rejected, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                log.warn("Feedback loop: could not move {} aside: {}", stateFile, moveFailed.getMessage());
            }
            // a half-loaded loop is not trusted: start from a new one
            return newLoop(current, clock);
        }
    }

    /**
     * A loop with the production settings, over any engine (the Demo view's sandboxes use it too). Each piece of
     * feedback is judged on the newest {@value #GUARD_QUERIES} judged queries, which bounds its cost on a large
     * shared memory.
     */
    public static FeedbackLoop newLoop(MemoryEngine engine, Clock clock) {
        AdaptiveRetrieval learner = new AdaptiveRetrieval(
                new CandidateRetriever(engine, 50, 20), clock, AdaptiveRetrieval.Config.defaults(SEED));
        return new FeedbackLoop(learner, DeltaEvaluator.withDefaults(), SafetyGate.defaults(), clock, GUARD_QUERIES);
    }
}
