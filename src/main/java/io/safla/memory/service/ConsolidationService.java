package io.safla.memory.service;

import io.safla.config.MemoryProperties;
import io.safla.memory.hybrid.ConsolidationSettings;
import io.safla.memory.hybrid.HybridMemory;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Consolidates the shared hybrid memory on demand and on a schedule, with episodic retention applied first.
 *
 * <p>A run is computed on a copy of the store. If it would change nothing, nothing happens and no checkpoint is
 * taken, so an hourly schedule does not push real checkpoints out of the bounded checkpoint list. Otherwise a
 * checkpoint of the current state (engine and hybrid memory) is taken first, then the copy replaces the store and
 * is saved; everything happens under the store's write lock, so no concurrent change is lost in between.
 */
@Service
public class ConsolidationService {

    private static final Logger log = LoggerFactory.getLogger(ConsolidationService.class);

    private final HybridMemoryService hybrid;
    private final MemoryService memory;
    private final StateCheckpoints checkpoints;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hybrid-consolidation");
        t.setDaemon(true);
        return t;
    });
    private volatile ConsolidationSettings settings;
    private volatile @Nullable ScheduledFuture<?> scheduled;
    private volatile @Nullable Instant nextRun;
    private volatile @Nullable Outcome last;
    private volatile @Nullable String lastFailure;

    ConsolidationService(
            HybridMemoryService hybrid,
            MemoryService memory,
            StateCheckpoints checkpoints,
            MemoryProperties sizes,
            Clock clock) {
        ConsolidationSettings defaults = ConsolidationSettings.defaults();
        this.settings = new ConsolidationSettings(
                sizes.episodic().retentionDays(), defaults.importanceThreshold(), defaults.intervalMinutes());
        this.hybrid = hybrid;
        this.memory = memory;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /**
     * @param run what the run did
     * @param checkpointId of the checkpoint taken before the change; empty when the run changed nothing
     * @param at when it ran
     * @param trigger "schedule", "operator", …
     */
    public record Outcome(HybridMemory.Run run, Optional<String> checkpointId, Instant at, String trigger) {}

    @EventListener(ApplicationReadyEvent.class)
    void startSchedule() {
        reschedule();
    }

    public ConsolidationSettings settings() {
        return settings;
    }

    /** Applies new settings; the schedule restarts from now with the new interval. */
    public synchronized void configure(ConsolidationSettings next) {
        settings = next;
        reschedule();
    }

    public Optional<Instant> nextRun() {
        return Optional.ofNullable(nextRun);
    }

    public Optional<Outcome> last() {
        return Optional.ofNullable(last);
    }

    /** Why the last scheduled run failed, if it did. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** Runs now; see the class comment for the checkpoint rule. */
    public Outcome runNow(String trigger) {
        ConsolidationSettings s = settings;
        Outcome outcome = hybrid.change(live -> {
            HybridMemory candidate = HybridMemory.restore(live.state(), clock);
            HybridMemory.Run run = candidate.consolidate(memory.engine().embedder(), s.policy(), s.retention());
            if (run.changes() == 0) {
                return new Outcome(run, Optional.empty(), clock.instant(), trigger);
            }
            String checkpointId = checkpoints.checkpoint("before consolidation (" + trigger + ")");
            live.replace(candidate.state());
            return new Outcome(run, Optional.of(checkpointId), clock.instant(), trigger);
        });
        last = outcome;
        lastFailure = null;
        log.info(
                "Consolidation ({}): {} episodes expired, {} working items promoted, {} swept, {} concepts and {}"
                        + " relations changed{}",
                trigger,
                outcome.run().expiredEpisodeIds().size(),
                outcome.run().consolidation().promotedWorkingIds().size(),
                outcome.run().sweptWorkingIds().size(),
                outcome.run().consolidation().concepts().size(),
                outcome.run().consolidation().relations().size(),
                outcome.checkpointId().map(id -> "; checkpoint " + id).orElse("; no change, no checkpoint"));
        return outcome;
    }

    private synchronized void reschedule() {
        ScheduledFuture<?> current = scheduled;
        if (current != null) {
            current.cancel(false);
        }
        Optional<java.time.Duration> interval = settings.interval();
        if (interval.isEmpty()) {
            scheduled = null;
            nextRun = null;
            return;
        }
        long minutes = interval.get().toMinutes();
        nextRun = clock.instant().plus(interval.get());
        scheduled = scheduler.scheduleWithFixedDelay(this::scheduledRun, minutes, minutes, TimeUnit.MINUTES);
    }

    private void scheduledRun() {
        try {
            if (hybrid.ready()) {
                runNow("schedule");
            }
        } catch (RuntimeException e) {
            lastFailure = e.getMessage();
            log.warn("Scheduled consolidation failed: {}", e.getMessage());
        } finally {
            settings.interval().ifPresent(i -> nextRun = clock.instant().plus(i));
        }
    }

    @PreDestroy
    void close() {
        scheduler.shutdownNow();
    }
}
