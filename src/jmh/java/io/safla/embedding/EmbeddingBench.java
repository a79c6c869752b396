package io.safla.embedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * MiniLM batch throughput (issue 3 target: at least 100 short sentences per second on 2 cores, batched).
 * Embeds {@code --sentences} distinct short sentences (8-14 words) through {@link MiniLmEmbedder#embedAll} in
 * batches of {@code --batch}, {@code --runs} times after one untimed warm-up pass, and prints one JSON line per
 * run plus the median. No cache is involved: {@link MiniLmEmbedder} has none and every sentence is distinct.
 *
 * <p>{@code ./mvnw -q -B -Pjmh -DskipTests compile exec:exec -Djmh.main=io.safla.embedding.EmbeddingBench
 * -Djmh.args="--sentences 256 --batch 32 --runs 3"}
 */
public final class EmbeddingBench {

    private static final String[] SUBJECTS = {"The model", "A small team", "Our agent", "The memory engine",
        "Every user", "The safety layer", "A new dataset", "The benchmark"};
    private static final String[] VERBS = {"learns", "stores", "rejects", "summarises", "compares", "ranks",
        "explains", "retrieves"};
    private static final String[] OBJECTS = {"short notes about neural networks", "questions on deep learning",
        "prompts that look suspicious", "facts about gradient descent", "reports from last week",
        "examples of transfer learning", "papers on attention", "logs from the training run"};
    private static final String[] ENDINGS = {"before lunch.", "in a few milliseconds.", "with care.",
        "for the demo.", "every morning.", "without a GPU.", "on two cores.", "in the background."};

    private EmbeddingBench() {
    }

    public static void main(String[] args) {
        int sentences = 256;
        int batch = 32;
        int runs = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sentences" -> sentences = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        List<String> warm = texts(sentences, 10_000);
        embed(embedder, warm, batch);
        double[] rates = new double[runs];
        for (int run = 0; run < runs; run++) {
            List<String> texts = texts(sentences, run * sentences);
            long t0 = System.nanoTime();
            embed(embedder, texts, batch);
            double seconds = (System.nanoTime() - t0) / 1e9;
            rates[run] = sentences / seconds;
            System.out.printf(Locale.ROOT, "{\"run\":%d,\"sentences\":%d,\"batch\":%d,\"cores\":%d,"
                    + "\"sentences_per_s\":%.1f}%n", run + 1, sentences, batch,
                    Runtime.getRuntime().availableProcessors(), rates[run]);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "{\"median_sentences_per_s\":%.1f,\"min\":%.1f,\"max\":%.1f}%n",
                sorted[runs / 2], sorted[0], sorted[runs - 1]);
    }

    private static void embed(MiniLmEmbedder embedder, List<String> texts, int batch) {
        for (int i = 0; i < texts.size(); i += batch) {
            List<float[]> out = embedder.embedAll(texts.subList(i, Math.min(texts.size(), i + batch)));
            if (out.isEmpty() || out.get(0).length != MiniLmEmbedder.DIMENSION) {
                throw new IllegalStateException("unexpected embedding result");
            }
        }
    }

    /** Distinct, deterministic sentences: a numbered combination of the word lists above. */
    static List<String> texts(int count, int offset) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = offset + i;
            out.add(SUBJECTS[n % 8] + " " + VERBS[(n / 8) % 8] + " " + OBJECTS[(n / 64) % 8] + " "
                    + ENDINGS[(n / 512) % 8].replace(".", "") + " (note " + n + ").");
        }
        return out;
    }
}
