package io.safla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every link in the README and docs/ resolves to a file inside the repository; none points at a machine path. */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    /** Paths of the build machines (the checkout's neighbours), which a reader of the project does not have. */
    private static final Pattern MACHINE_PATH = Pattern.compile("(?<![\\w.])(/work/|/root/|\\.\\./shared/)[\\w./-]*");

    @Test
    void docs_linkOnlyToFilesInTheRepository() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        List<String> broken = new ArrayList<>();
        for (Path doc : docs(root)) {
            String text = Files.readString(doc);
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http://")
                        || target.startsWith("https://")
                        || target.startsWith("#")
                        || target.startsWith("mailto:")) {
                    continue;
                }
                Path file =
                        doc.getParent().resolve(target.replaceAll("#.*$", "")).normalize();
                if (!file.startsWith(root) || !Files.exists(file)) {
                    broken.add(root.relativize(doc) + " -> " + target);
                }
            }
            Matcher path = MACHINE_PATH.matcher(text);
            while (path.find()) {
                broken.add(root.relativize(doc) + " names a machine path " + path.group());
            }
        }
        assertThat(broken).isEmpty();
    }

    private static List<Path> docs(Path root) throws IOException {
        List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> files = Files.walk(root.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        return docs;
    }
}
