package io.safla.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingEmbedderTest {

    /** Counts what reaches the real embedder. */
    private static final class CountingEmbedder implements Embedder {
        final HashingEmbedder inner = new HashingEmbedder(64);
        final List<String> single = new ArrayList<>();
        final List<List<String>> batches = new ArrayList<>();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public int dimension() {
            return 64;
        }

        @Override
        public float[] embed(String text) {
            single.add(text);
            return inner.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            batches.add(List.copyOf(texts));
            return inner.embedAll(texts);
        }
    }

    private final CountingEmbedder delegate = new CountingEmbedder();
    private final CachingEmbedder cache = new CachingEmbedder(delegate, 100);

    @Test
    void embed_sameTextTwice_callsDelegateOnceAndCountsHit() {
        cache.embed("hello");
        cache.embed("hello");

        assertThat(delegate.single).containsExactly("hello");
        assertThat(cache.stats().hits()).isEqualTo(1);
        assertThat(cache.stats().misses()).isEqualTo(1);
        assertThat(cache.stats().hitRate()).isEqualTo(0.5);
    }

    @Test
    void embed_callerMutatesResult_cachedValueUnchanged() {
        float[] first = cache.embed("hello");
        float expected = first[0];
        first[0] = 42f;

        assertThat(cache.embed("hello")[0]).isEqualTo(expected);
    }

    @Test
    void embedAll_mixOfHitsAndMisses_batchesOnlyDistinctMisses() {
        cache.embed("a");
        List<float[]> out = cache.embedAll(List.of("a", "b", "c", "b"));

        assertThat(delegate.batches).containsExactly(List.of("b", "c"));
        assertThat(out).hasSize(4);
        assertThat(out.get(1)).containsExactly(out.get(3));
        assertThat(out.get(1)).isNotSameAs(out.get(3));
        assertThat(out.get(0)).containsExactly(delegate.inner.embed("a"));
    }

    @Test
    void embed_beyondMaximumSize_staysBounded() {
        CachingEmbedder small = new CachingEmbedder(delegate, 10);
        for (int i = 0; i < 200; i++) {
            small.embed("text " + i);
        }
        assertThat(small.stats().size()).isLessThanOrEqualTo(10);
    }

    @Test
    void embed_blank_rejectedWithoutCaching() {
        assertThatThrownBy(() -> cache.embed(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(cache.stats().misses()).isZero();
    }

    @Test
    void nameAndDimension_comeFromDelegate() {
        assertThat(cache.name()).isEqualTo("counting");
        assertThat(cache.dimension()).isEqualTo(64);
    }
}
