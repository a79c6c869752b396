package io.safla.memory.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.embedding.HashingEmbedder;
import io.safla.memory.corpus.DemoCorpus;
import io.safla.memory.episodic.Episode;
import io.safla.memory.episodic.EpisodeKind;
import io.safla.monitor.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HybridMemoryTest {

    private static final Instant START = Instant.parse("2026-01-10T12:00:00Z");
    private final MutableClock clock = new MutableClock(START);
    private final HashingEmbedder embedder = new HashingEmbedder(384);

    private HybridMemory seeded() {
        return HybridMemory.seed(DemoCorpus.load(), HybridMemory.Limits.defaults(), Duration.ofDays(90), clock);
    }

    @Test
    void seed_holdsTheCorpusEpisodesConceptsRelationsAndWorkingItems() {
        DemoCorpus corpus = DemoCorpus.load();
        HybridMemory h = seeded();

        assertThat(h.episodic().size()).isEqualTo(corpus.episodes().size());
        assertThat(h.semantic().conceptCount()).isEqualTo(corpus.concepts().size());
        assertThat(h.semantic().relationCount()).isEqualTo(corpus.relations().size());
        assertThat(h.working().size())
                .isEqualTo(Math.min(
                        corpus.working().size(), HybridMemory.Limits.defaults().workingCapacity()));
    }

    @Test
    void consolidation_promotesAnAttendedItemFirst_andSweepsItOnceItsAttentionHasFaded() {
        HybridMemory h = seeded();
        String id = h.working().focus("Curriculum learning orders examples from easy to hard", 0.9);
        HybridMemory.Run first =
                h.consolidate(embedder, ConsolidationSettings.defaults().policy(), Duration.ofDays(90));
        assertThat(first.consolidation().promotedWorkingIds()).contains(id);
        assertThat(first.sweptWorkingIds()).doesNotContain(id);

        clock.advance(Duration.ofHours(10));
        HybridMemory.Run later =
                h.consolidate(embedder, ConsolidationSettings.defaults().policy(), Duration.ofDays(90));

        assertThat(later.sweptWorkingIds()).contains(id);
        assertThat(h.working().get(id)).isEmpty();
        assertThat(h.episodic().get("ep-" + id)).isPresent();
    }

    @Test
    void fileRoundTrip_reopensTheSameState_includingConsolidatorMemory(@TempDir Path dir) throws Exception {
        HybridMemory h = seeded();
        h.consolidate(embedder, ConsolidationSettings.defaults().policy(), Duration.ofDays(90));
        HybridState before = h.state();
        assertThat(before.consolidator().promoted()).isNotEmpty();
        Path file = dir.resolve("hybrid-state.json");

        HybridStateCodec.write(file, before);
        HybridMemory reopened = HybridMemory.restore(HybridStateCodec.read(file), clock);

        assertThat(reopened.state()).isEqualTo(before);
        assertThat(Files.readString(file)).contains("\"format\":\"safla-hybrid\"", "\"version\":1");
        assertThat(Files.exists(dir.resolve("hybrid-state.json.tmp"))).isFalse();
        // the restored consolidator remembers its promotions, so nothing is promoted twice
        HybridMemory.Run again =
                reopened.consolidate(embedder, ConsolidationSettings.defaults().policy(), Duration.ofDays(90));
        assertThat(again.changes()).isZero();
    }

    @Test
    void retention_dropsEpisodesOlderThanItWhenConsolidationRuns() {
        HybridMemory h = seeded();
        h.episodic()
                .add(new Episode(
                        "old-one",
                        "An episode from long ago",
                        EpisodeKind.LEARNING,
                        0.2,
                        0.3,
                        START.minus(Duration.ofDays(80)),
                        Set.of()));
        int before = h.episodic().size();
        clock.advance(Duration.ofDays(20));

        HybridMemory.Run run =
                h.consolidate(embedder, ConsolidationSettings.defaults().policy(), Duration.ofDays(7));

        assertThat(run.expiredEpisodeIds()).contains("old-one");
        Instant cutoff = clock.instant().minus(Duration.ofDays(7));
        assertThat(h.episodic().episodes())
                .allSatisfy(e -> assertThat(e.occurredAt()).isAfterOrEqualTo(cutoff));
        assertThat(h.episodic().size()).isLessThan(before);
        assertThat(h.state().episodic().retention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void importanceThreshold_decidesWhichEpisodesAreClustered() {
        HybridMemory strict = seeded();
        HybridMemory loose = seeded();

        HybridMemory.Run none =
                strict.consolidate(embedder, new ConsolidationSettings(90, 1.0, 0).policy(), Duration.ofDays(90));
        HybridMemory.Run all =
                loose.consolidate(embedder, new ConsolidationSettings(90, 0.0, 0).policy(), Duration.ofDays(90));

        assertThat(all.consolidation().candidateEpisodes())
                .isGreaterThan(none.consolidation().candidateEpisodes());
    }

    @Test
    void decode_rejectsOtherFormatsAndVersions_withTheReason() {
        assertThatThrownBy(() -> HybridStateCodec.decode("{\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a hybrid memory file");
        assertThatThrownBy(() -> HybridStateCodec.decode(
                        "{\"format\":\"safla-hybrid\",\"version\":9}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unsupported hybrid memory version 9");
        assertThatThrownBy(() -> HybridStateCodec.decode(
                        "{\"format\":\"safla-hybrid\",\"version\":1}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("no episodic section");
    }

    @Test
    void settings_rejectOutOfRangeValues() {
        assertThatThrownBy(() -> new ConsolidationSettings(0, 0.5, 60)).hasMessageContaining("retention");
        assertThatThrownBy(() -> new ConsolidationSettings(30, 1.5, 60)).hasMessageContaining("importance");
        assertThatThrownBy(() -> new ConsolidationSettings(30, 0.5, 1441)).hasMessageContaining("interval");
        assertThat(new ConsolidationSettings(30, 0.5, 0).interval()).isEmpty();
    }
}
