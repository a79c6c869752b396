package io.safla.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbedderFactoryTest {

    private static final Embedder FAKE_MINILM = new Embedder() {
        @Override
        public String name() {
            return "fake-minilm";
        }

        @Override
        public int dimension() {
            return 384;
        }

        @Override
        public float[] embed(String text) {
            return new HashingEmbedder(384).embed(text);
        }
    };

    @Test
    void create_384_usesMiniLm() {
        EmbedderFactory.Selection s = new EmbedderFactory(() -> FAKE_MINILM).create(384, 0);

        assertThat(s.kind()).isEqualTo(EmbedderFactory.Kind.MINILM);
        assertThat(s.embedder()).isSameAs(FAKE_MINILM);
        assertThat(s.describe()).contains("fake-minilm", "384-d", "MINILM");
    }

    @Test
    void create_otherDimensions_useHashing() {
        for (int dim : new int[] {512, 768, 1024, 1536}) {
            EmbedderFactory.Selection s = new EmbedderFactory(() -> FAKE_MINILM).create(dim, 0);

            assertThat(s.kind()).isEqualTo(EmbedderFactory.Kind.HASHING);
            assertThat(s.embedder().dimension()).isEqualTo(dim);
        }
    }

    @Test
    void create_modelFailsToLoad_fallsBackToHashingWithReason() {
        EmbedderFactory.Selection s = new EmbedderFactory(() -> {
                    throw new UnsatisfiedLinkError("no onnxruntime");
                })
                .create(384, 0);

        assertThat(s.kind()).isEqualTo(EmbedderFactory.Kind.HASHING_FALLBACK);
        assertThat(s.embedder().dimension()).isEqualTo(384);
        assertThat(s.reason()).contains("no onnxruntime");
    }

    @Test
    void create_withCacheSize_wrapsInCache() {
        EmbedderFactory.Selection s = new EmbedderFactory(() -> FAKE_MINILM).create(512, 100);

        assertThat(s.embedder()).isInstanceOf(CachingEmbedder.class);
        assertThat(s.embedder().name()).isEqualTo("hashing-512");
    }
}
