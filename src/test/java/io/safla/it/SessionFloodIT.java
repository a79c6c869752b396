package io.safla.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * A cookie-less {@code GET /} flood from one loopback address (127.0.0.2, a few threads, 60 s) against the packaged
 * jar with a 512 MB heap: every page load used to open an hour-long session until the heap ran out. Meanwhile another
 * client (127.0.0.1) checks that health stays UP and that it still gets the dashboard page, and the operator's
 * metrics give the live sessions and the heap. Writes its figures to target/session-flood.json.
 */
class SessionFloodIT {

    static final Duration FLOOD = Duration.ofSeconds(60);
    static final int THREADS = 3;
    static final String TOKEN = "flood-test-operator-token";
    /** safla.ratelimit.max-sessions' default */
    static final int SESSION_CAP = 200;

    @Test
    void cookieLessFlood_fromOneAddress_leavesHealthUpForOthers_andSessionsAndHeapBounded() throws Exception {
        try (AppProcess app = AppProcess.start("flood", Map.of("ADMIN_TOKEN", TOKEN))) {
            app.awaitHealthy(Duration.ofSeconds(120));
            HttpClient flooder = HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName("127.0.0.2"))
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpClient other = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Map<Integer, LongAdder> floodStatuses = new ConcurrentHashMap<>();
            LongAdder floodErrors = new LongAdder();
            long deadline = System.nanoTime() + FLOOD.toNanos();
            CountDownLatch done = new CountDownLatch(THREADS);
            for (int t = 0; t < THREADS; t++) {
                Thread worker = new Thread(
                        () -> {
                            try {
                                while (System.nanoTime() < deadline) {
                                    try {
                                        int status = flooder.send(
                                                        HttpRequest.newBuilder(URI.create(app.url("/")))
                                                                .timeout(Duration.ofSeconds(10))
                                                                .build(),
                                                        HttpResponse.BodyHandlers.discarding())
                                                .statusCode();
                                        floodStatuses
                                                .computeIfAbsent(status, s -> new LongAdder())
                                                .increment();
                                    } catch (java.io.IOException e) {
                                        floodErrors.increment();
                                    }
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                done.countDown();
                            }
                        },
                        "flood-" + t);
                worker.setDaemon(true);
                worker.start();
            }

            List<String> healthProblems = new ArrayList<>();
            List<Integer> otherPages = new ArrayList<>();
            int healthChecks = 0;
            double sessionsPeak = 0;
            double heapPeakMb = 0;
            long rssPeakMb = 0;
            int round = 0;
            while (System.nanoTime() < deadline) {
                HttpResponse<String> health = other.send(
                        HttpRequest.newBuilder(URI.create(app.url("/actuator/health")))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                healthChecks++;
                String status = new ObjectMapper()
                        .readTree(health.body())
                        .path("status")
                        .asString("");
                if (health.statusCode() != 200 || !(status.equals("UP") || status.equals("DEGRADED"))) {
                    healthProblems.add(health.statusCode() + " " + status);
                }
                if (round % 3 == 0) {
                    otherPages.add(other.send(
                                    HttpRequest.newBuilder(URI.create(app.url("/")))
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode());
                }
                String metrics = other.send(
                                HttpRequest.newBuilder(URI.create(app.url("/actuator/prometheus")))
                                        .header("X-Admin-Token", TOKEN)
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                sessionsPeak = Math.max(sessionsPeak, metric(metrics, "tomcat_sessions_active_current_sessions"));
                heapPeakMb = Math.max(heapPeakMb, metric(metrics, "jvm_memory_used_bytes{area=\"heap\"") / 1e6);
                rssPeakMb = Math.max(rssPeakMb, rssMb(app.process.pid()));
                round++;
                app.process.waitFor(2, TimeUnit.SECONDS);
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            String finalMetrics = other.send(
                            HttpRequest.newBuilder(URI.create(app.url("/actuator/prometheus")))
                                    .header("X-Admin-Token", TOKEN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            double sessionsMax = metric(finalMetrics, "tomcat_sessions_active_max_sessions");
            long sent =
                    floodStatuses.values().stream().mapToLong(LongAdder::sum).sum();
            String report = String.format(
                    Locale.ROOT,
                    "{\"seconds\": %d, \"threads\": %d, \"flood_requests\": %d, \"flood_rps\": %.0f,"
                            + " \"flood_statuses\": %s, \"flood_transport_errors\": %d, \"sessions_peak_sampled\": %.0f,"
                            + " \"sessions_max\": %.0f, \"heap_used_peak_mb\": %.0f, \"rss_peak_mb\": %d,"
                            + " \"health_checks\": %d, \"health_problems\": %d, \"other_page_loads\": %s}",
                    FLOOD.toSeconds(),
                    THREADS,
                    sent,
                    sent / (double) FLOOD.toSeconds(),
                    floodStatuses.entrySet().stream()
                            .map(e -> "\"" + e.getKey() + "\": " + e.getValue().sum())
                            .collect(java.util.stream.Collectors.joining(", ", "{", "}")),
                    floodErrors.sum(),
                    sessionsPeak,
                    sessionsMax,
                    heapPeakMb,
                    rssPeakMb,
                    healthChecks,
                    healthProblems.size(),
                    otherPages);
            System.out.println("session flood: " + report);
            Files.writeString(Path.of("target", "session-flood.json"), report + "\n");

            assertThat(app.process.isAlive()).as(report).isTrue();
            assertThat(healthProblems).as(report).isEmpty();
            assertThat(healthChecks).as(report).isGreaterThan(10);
            assertThat(otherPages).as(report).isNotEmpty().containsOnly(200);
            // the flood was real, and was refused as soon as its allowance was gone
            assertThat(sent).as(report).isGreaterThan(1_000);
            assertThat(floodStatuses.getOrDefault(429, new LongAdder()).sum())
                    .as(report)
                    .isGreaterThan(sent / 2);
            assertThat(sessionsMax).as(report).isPositive().isLessThanOrEqualTo(SESSION_CAP);
            assertThat(heapPeakMb).as(report).isPositive().isLessThan(450);
        }
    }

    /** A Prometheus sample's value: the sum of the lines that start with {@code prefix}. */
    private static double metric(String text, String prefix) {
        return text.lines()
                .filter(l -> l.startsWith(prefix)
                        && (prefix.endsWith("\"")
                                || l.charAt(prefix.length()) == ' '
                                || l.charAt(prefix.length()) == '{'))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static long rssMb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.replaceAll("[^0-9]", ""))
                    .mapToLong(kb -> Long.parseLong(kb) / 1024)
                    .findFirst()
                    .orElse(-1);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }
}
