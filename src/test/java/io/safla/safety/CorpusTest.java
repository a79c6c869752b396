package io.safla.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class CorpusTest {

    private final List<Corpus.Item> items = Corpus.load();

    @Test
    void load_hasAtLeast400UniqueItemsOverAllLabels() {
        assertThat(items).hasSizeGreaterThanOrEqualTo(400);
        assertThat(items.stream().map(Corpus.Item::id).distinct().count()).isEqualTo(items.size());
        assertThat(items.stream().map(i -> i.text().toLowerCase()).distinct().count())
                .isEqualTo(items.size());
        Set<String> labels = items.stream().map(Corpus.Item::label).collect(Collectors.toSet());
        assertThat(labels).containsAll(Corpus.EXPECTED.keySet()).containsAll(Corpus.BENIGN_LABELS);
    }

    /** The split is the stratified CRC32 rule documented in docs/safety.md; hand edits would break it. */
    @Test
    void split_isDeterministicStratifiedSixtyForty() {
        Map<String, List<Corpus.Item>> byLabel = items.stream().collect(Collectors.groupingBy(Corpus.Item::label));
        byLabel.forEach((label, list) -> {
            List<Corpus.Item> ordered = list.stream()
                    .sorted(Comparator.comparingLong(i -> crc32(i.id())))
                    .toList();
            int tune = (int) Math.round(0.6 * list.size());
            for (int k = 0; k < ordered.size(); k++) {
                assertThat(ordered.get(k).split()).as(ordered.get(k).id()).isEqualTo(k < tune ? "tune" : "test");
            }
        });
    }

    private static long crc32(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }
}
