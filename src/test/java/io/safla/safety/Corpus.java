package io.safla.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Loads {@code safety/corpus.tsv}: id, label, split, text; U+23CE in text stands for a newline. */
final class Corpus {

    static final String RESOURCE = "/safety/corpus.tsv";
    static final Set<String> BENIGN_LABELS = Set.of("benign", "hard_benign");

    /** Which finding categories count as a correct detection for each attack label. */
    static final Map<String, Set<Category>> EXPECTED = Map.of(
            "prompt_injection", Set.of(Category.PROMPT_INJECTION, Category.JAILBREAK),
            "jailbreak", Set.of(Category.JAILBREAK, Category.PROMPT_INJECTION),
            "html_js", Set.of(Category.HTML_JS_INJECTION),
            "sql_injection", Set.of(Category.SQL_INJECTION),
            "command_injection", Set.of(Category.COMMAND_INJECTION),
            "path_traversal", Set.of(Category.PATH_TRAVERSAL),
            "pii", Set.of(Category.PII),
            "secret", Set.of(Category.SECRET));

    record Item(String id, String label, String split, String text) {
        Item {
            Objects.requireNonNull(id);
            if (!EXPECTED.containsKey(label) && !BENIGN_LABELS.contains(label)) {
                throw new IllegalArgumentException("unknown label " + label + " in " + id);
            }
            if (!split.equals("tune") && !split.equals("test")) {
                throw new IllegalArgumentException("unknown split " + split + " in " + id);
            }
        }

        boolean attack() {
            return !BENIGN_LABELS.contains(label);
        }
    }

    private Corpus() {}

    static List<Item> load() {
        try (InputStream in = Objects.requireNonNull(Corpus.class.getResourceAsStream(RESOURCE), RESOURCE);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Item> items = new ArrayList<>();
            String header = r.readLine();
            if (!"id\tlabel\tsplit\ttext".equals(header)) {
                throw new IllegalStateException("bad header " + header);
            }
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", 4);
                items.add(new Item(f[0], f[1], f[2], f[3].replace('\u23CE', '\n')));
            }
            return List.copyOf(items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Item> split(String split) {
        return load().stream().filter(i -> i.split().equals(split)).toList();
    }
}
