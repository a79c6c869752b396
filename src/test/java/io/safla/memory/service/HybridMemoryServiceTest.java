package io.safla.memory.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.checkpoint.CheckpointInfo;
import io.safla.checkpoint.service.CheckpointService;
import io.safla.config.AppProperties;
import io.safla.config.MemoryProperties;
import io.safla.memory.WritesFrozenException;
import io.safla.memory.hybrid.HybridState;
import io.safla.memory.hybrid.HybridStateCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class HybridMemoryServiceTest {

    @Autowired
    private HybridMemoryService hybrid;

    @Autowired
    private ConsolidationService consolidation;

    @Autowired
    private CheckpointService checkpoints;

    @Autowired
    private MemoryService memory;

    @Autowired
    private AppProperties app;

    @Autowired
    private Clock clock;

    @Autowired
    private MemoryProperties sizes;

    @Autowired
    @Qualifier("hybridMemoryHealthIndicator")
    private HealthIndicator health;

    @BeforeEach
    void load() {
        hybrid.load();
    }

    @Test
    void loadsAfterTheEngine_seededFromTheCorpus_andSavedUnderTheDataDir() {
        assertThat(hybrid.state()).isEqualTo(MemoryService.State.READY);
        assertThat(hybrid.memory().semantic().conceptCount()).isPositive();
        assertThat(hybrid.memory().episodic().size()).isPositive();
        // sized by the safla.memory.* settings
        assertThat(hybrid.memory().state().working().capacity())
                .isEqualTo(sizes.working().capacity());
        assertThat(hybrid.memory().state().episodic().maxEpisodes())
                .isEqualTo(sizes.episodic().maxEpisodes());
        assertThat(hybrid.file()).startsWith(app.dataDir()).exists();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails().get("reason").toString()).matches("\\d+ episodes, \\d+ concepts, .*");
    }

    @Test
    void reopened_fromItsFile_hasTheSameState() {
        hybrid.focus("Round trip " + UUID.randomUUID(), 0.3);

        HybridMemoryService reopened = new HybridMemoryService(app, sizes, memory, clock);
        reopened.load();

        assertThat(reopened.memory().state()).isEqualTo(hybrid.memory().state());
    }

    @Test
    void consolidation_takesACheckpointFirst_andRollbackRestoresTheHybridState() throws Exception {
        hybrid.focus("Gradient clipping keeps exploding gradients in check, test " + UUID.randomUUID(), 0.95);
        HybridState before = hybrid.memory().state();

        ConsolidationService.Outcome outcome = consolidation.runNow("test");

        assertThat(outcome.run().consolidation().promotedWorkingIds()).isNotEmpty();
        assertThat(outcome.checkpointId()).isPresent();
        assertThat(checkpoints.list())
                .extracting(CheckpointInfo::id)
                .contains(outcome.checkpointId().get());
        assertThat(hybrid.memory().state()).isNotEqualTo(before);
        assertThat(HybridStateCodec.read(hybrid.file()))
                .isEqualTo(hybrid.memory().state());

        ConsolidationService.Outcome again = consolidation.runNow("test");
        assertThat(again.run().changes()).isZero();
        assertThat(again.checkpointId()).isEmpty();

        CheckpointService.RollbackReport report =
                checkpoints.rollback(outcome.checkpointId().get());

        assertThat(report.hybrid()).startsWith("restored");
        assertThat(hybrid.memory().state()).isEqualTo(before);
        assertThat(HybridStateCodec.read(hybrid.file())).isEqualTo(before);
    }

    @Test
    void writesAreRefusedDuringAnEmergencyStop() {
        checkpoints.emergencyStop("hybrid test");
        try {
            assertThatThrownBy(() -> hybrid.focus("not now", 0.5)).isInstanceOf(WritesFrozenException.class);
            assertThatThrownBy(() -> consolidation.runNow("test")).isInstanceOf(WritesFrozenException.class);
        } finally {
            checkpoints.release();
        }
    }

    @Test
    void anUnreadableFile_isReportedAsTheReason_andLeftUntouched(@TempDir Path dir) throws Exception {
        AppProperties elsewhere = new AppProperties(
                app.environment(),
                app.debug(),
                app.logLevel(),
                app.port(),
                dir,
                app.sessionTimeoutSeconds(),
                app.maxConcurrentUsers(),
                app.enableAnalytics(),
                app.spaceId(),
                app.adminToken(),
                app.configPath());
        Path file = dir.resolve("memory-hybrid").resolve(HybridMemoryService.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\":\"safla-hybrid\",\"version\":2}");

        HybridMemoryService broken = new HybridMemoryService(elsewhere, sizes, memory, clock);
        broken.load();

        assertThat(broken.state()).isEqualTo(MemoryService.State.FAILED);
        assertThat(broken.stateReason())
                .contains("could not be loaded (left untouched)")
                .contains("unsupported hybrid memory version 2");
        assertThatThrownBy(broken::memory)
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageStartingWith("Degraded: ");
        assertThat(Files.readString(file)).isEqualTo("{\"format\":\"safla-hybrid\",\"version\":2}");
    }
}
