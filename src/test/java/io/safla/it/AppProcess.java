package io.safla.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** The packaged jar, started as an operator would start it: {@code java -jar} with environment variables. */
final class AppProcess implements AutoCloseable {

    final Process process;
    final int port;
    final Path log;
    final long startedNanos = System.nanoTime();

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("it.app.jar", "target/safla-space.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("packaged jar not found at " + jar + "; run ./mvnw -Pproduction verify");
        }
        return jar;
    }

    static AppProcess start(String name, Map<String, String> env) throws IOException {
        int port = freePort();
        Path dir = Files.createDirectories(Path.of("target", "it", name));
        Path log = dir.resolve("app.log");
        // every run is a first start, as on a new Space: a data dir left by an earlier run would change what is seeded
        deleteRecursively(dir.resolve("data"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-Xmx512m",
                "-jar",
                jar().toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment()
                .put("SAFLA_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        builder.environment().putAll(env);
        return new AppProcess(builder.start(), port, log);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static boolean overallStatusIsUp(String body) {
        try {
            String status = new ObjectMapper().readTree(body).path("status").asString("");
            return status.equals("UP") || status.equals("DEGRADED");
        } catch (JacksonException notJson) {
            return false;
        }
    }

    /** Waits until {@code /actuator/health} answers 200; returns the seconds it took since the process started. */
    double awaitHealthy(Duration timeout) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("app exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                // the JSON must say so: an early answer could come from another servlet than Actuator's
                if (response.statusCode() == 200 && overallStatusIsUp(response.body())) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // still starting
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("app not healthy after " + timeout + ":\n" + tail());
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
