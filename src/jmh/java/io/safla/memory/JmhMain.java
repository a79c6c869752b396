package io.safla.memory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./mvnw -Pjmh -DskipTests compile exec:exec [-Djmh.args="VectorKernelBenchmark -f 1"]}
 *
 * <p>Entry point for the JMH profile: creates {@code target/jmh/} (JMH will not create the directory of its
 * result file) and hands over to {@code org.openjdk.jmh.Main}.
 */
public final class JmhMain {

    private JmhMain() {
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(Path.of("target", "jmh"));
        org.openjdk.jmh.Main.main(args);
    }
}
