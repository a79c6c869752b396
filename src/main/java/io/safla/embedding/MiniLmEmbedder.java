package io.safla.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (int8-quantised ONNX export) run in process: 384-d sentence embeddings.
 *
 * <p>Implementation notes: langchain4j's {@code OnnxBertBiEncoder} tokenises with the model's own HuggingFace
 * tokenizer, mean-pools the last hidden state (the model is built with {@code PoolingMode.MEAN}) and
 * L2-normalises, which is what the sentence-transformers pipeline (Transformer, Pooling(mean), Normalize) does.
 * We normalise once more anyway: it costs 384 multiplies and makes the unit-length contract independent of the
 * library version. One known difference: sentence-transformers truncates at 256 word pieces, while langchain4j
 * splits longer texts into 510-token windows and averages them, so only very long texts embed differently.
 * Loading takes about a second and unpacks native libraries (ONNX Runtime, DJL tokenizers) to temp/cache dirs.
 */
public final class MiniLmEmbedder implements Embedder {

    public static final String NAME = "all-MiniLM-L6-v2 (int8 ONNX)";
    public static final int DIMENSION = 384;

    private final EmbeddingModel model;

    /** Loads the bundled model; throws whatever the native runtime throws if it cannot be loaded. */
    public MiniLmEmbedder() {
        this(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    /** Wraps an already loaded model that must produce 384-d vectors. */
    public MiniLmEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        Vectors.requireText(text);
        return toUnitVector(model.embed(text).content());
    }

    /** Uses the model's batch call, which spreads the texts over its executor. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(Vectors.requireText(text)));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(toUnitVector(e));
        }
        return List.copyOf(out);
    }

    private static float[] toUnitVector(Embedding embedding) {
        float[] v = embedding.vector();
        if (v.length != DIMENSION) {
            throw new IllegalStateException("model returned " + v.length + " dimensions, expected " + DIMENSION);
        }
        return Vectors.normalizeInPlace(v.clone());
    }
}
