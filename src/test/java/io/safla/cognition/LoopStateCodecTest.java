package io.safla.cognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.embedding.HashingEmbedder;
import io.safla.memory.MemoryEngine;
import io.safla.memory.MemoryType;
import io.safla.memory.NewMemory;
import io.safla.memory.vector.EvictionPolicy;
import io.safla.memory.vector.ScalarKernel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/** A restart goes on learning where it stopped: what the loop learned survives the file round trip exactly. */
class LoopStateCodecTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);

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
        for (String host : List.of("db-prod-03", "db-prod-07", "web-prod-01", "cache-prod-02")) {
            items.add(new NewMemory(
                    "disk-" + host,
                    "disk full on " + host + " after the nightly backup",
                    MemoryType.EPISODIC,
                    Set.of(),
                    0.5,
                    CLOCK.instant(),
                    Map.of()));
        }
        items.add(new NewMemory(
                "plants",
                "the office plants need water weekly",
                MemoryType.SEMANTIC,
                Set.of(),
                0.5,
                CLOCK.instant(),
                Map.of()));
        engine.addAll(items);
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    private FeedbackLoop newLoop() {
        return new FeedbackLoop(
                new AdaptiveRetrieval(
                        new CandidateRetriever(engine, 50, 20), CLOCK, AdaptiveRetrieval.Config.defaults(7)),
                DeltaEvaluator.withDefaults(),
                SafetyGate.defaults(),
                CLOCK);
    }

    private static FeedbackLoop taught(FeedbackLoop loop) {
        for (String host : List.of("db-prod-07", "cache-prod-02", "db-prod-03")) {
            loop.runCycle(
                    List.of(Judgement.of("disk full on " + host, "disk-" + host, true)), "interactive", true, false);
        }
        return loop;
    }

    @Test
    void savedWrittenAndLoaded_continuesExactlyWhereTheOldLoopStopped(@TempDir Path dir) throws Exception {
        FeedbackLoop before = taught(newLoop());
        Path file = dir.resolve("cognition").resolve("learner.json");

        LoopStateCodec.write(file, before.save());
        FeedbackLoop after = newLoop();
        after.load(LoopStateCodec.read(file, after.save()));

        assertThat(after.save()).usingRecursiveComparison().isEqualTo(before.save());
        assertThat(after.selfAwareness().cycles()).isEqualTo(3);
        assertThat(after.selfAwareness().guardQueries()).isEqualTo(3);
        for (String query : List.of("disk full on web-prod-01", "why do plants wilt", "disk full on db-prod-07")) {
            assertThat(after.learner().preferredStrategy(query))
                    .isEqualTo(before.learner().preferredStrategy(query));
        }
        // both go on identically: the next cycle decides and learns the same on each
        Judgement next = Judgement.of("disk full on web-prod-01", "disk-web-prod-01", true);
        CycleRecord a = before.runCycle(List.of(next), "interactive", true, false);
        CycleRecord b = after.runCycle(List.of(next), "interactive", true, false);
        assertThat(b.decisions()).isEqualTo(a.decisions());
        assertThat(b.outcome()).isEqualTo(a.outcome());
        assertThat(after.save()).usingRecursiveComparison().isEqualTo(before.save());
        assertThat(Files.exists(file.resolveSibling("learner.json.tmp"))).isFalse();
    }

    @Test
    void aFileThatDoesNotFit_isRefusedWithTheReason() {
        FeedbackLoop loop = taught(newLoop());
        byte[] good = LoopStateCodec.encode(loop.save());
        String json = new String(good, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LoopStateCodec.decode(
                        "{\"format\":\"safla-hybrid\",\"version\":1}".getBytes(StandardCharsets.UTF_8), loop.save()))
                .hasMessageContaining("not a learner state file");
        assertThatThrownBy(() -> LoopStateCodec.decode(
                        json.replace("\"version\":1", "\"version\":9").getBytes(StandardCharsets.UTF_8), loop.save()))
                .hasMessageContaining("unsupported learner state version 9");
        assertThatThrownBy(() -> LoopStateCodec.decode(
                        json.replaceFirst("\"hybridWeight\":[0-9.Ee-]+", "\"hybridWeight\":3.5")
                                .getBytes(StandardCharsets.UTF_8),
                        loop.save()))
                .hasMessageContaining("must be in [0, 1]");
        assertThatThrownBy(() -> LoopStateCodec.decode(
                        json.replaceFirst("\"pulls\":\\[[0-9]+,", "\"pulls\":[").getBytes(StandardCharsets.UTF_8),
                        loop.save()))
                .hasMessageContaining("another shape");
        assertThatThrownBy(() -> LoopStateCodec.decode(
                        "{\"format\":\"safla-learner\",\"version\":1,\"state\":{}}".getBytes(StandardCharsets.UTF_8),
                        loop.save()))
                .hasMessageContaining("invalid learner state");
    }
}
