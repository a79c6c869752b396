package io.safla.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cookie-less page loads cannot grow the sessions without bound: one client gets its page-load allowance and then
 * 429s, everyone together gets the session cap and then a 503 busy page, and provisional sessions (no UI request yet)
 * are swept after their short lifetime while a session whose page made a UI request stays.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "safla.ratelimit.trust-forwarded-for=true",
            "safla.ratelimit.page-loads-per-minute=5",
            "safla.ratelimit.max-sessions=12",
            "safla.ratelimit.provisional-session-seconds=5",
            "safla.ratelimit.sessions-per-client=4"
        })
class SessionFloodTest {

    static final int CAP = 12;

    @LocalServerPort
    int port;

    @Autowired
    LiveSessions sessions;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(String path, String clientAddress, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", clientAddress);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    @Test
    void aCookieLessFlood_isBoundedPerClientAndInAll_andOthersStillGetIn() throws Exception {
        // one client floods: it may hold 4 sessions (of an allowance of 5 page loads a minute), then 429 with
        // Retry-After; no more sessions
        int opened = 0;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> response = get(i % 2 == 0 ? "/" : "/memory", "203.0.113.66", null);
            if (response.statusCode() == 200) {
                assertThat(sessionCookie(response)).isNotNull();
                opened++;
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(sessionCookie(response)).isNull();
                assertThat(Long.parseLong(
                                response.headers().firstValue("Retry-After").orElseThrow()))
                        .isPositive();
                assertThat(response.body()).containsAnyOf("Too many new visits", "Too many open sessions");
            }
        }
        assertThat(opened).isEqualTo(4);
        assertThat(sessions.live()).isEqualTo(4);
        assertThat(sessions.sessionsOf("203.0.113.66")).isEqualTo(4);

        // another client still gets in, and its page's first UI request makes its session a lasting one
        HttpResponse<String> visitor = get("/", "198.51.100.1", null);
        assertThat(visitor.statusCode()).isEqualTo(200);
        String cookie = sessionCookie(visitor);
        String sessionId = cookie.substring(cookie.indexOf('=') + 1);
        assertThat(sessions.isProvisional(sessionId)).isTrue();
        get("/?v-r=init&location=&query=", "198.51.100.1", cookie);
        assertThat(sessions.isProvisional(sessionId)).isFalse();

        // many clients at once (distinct addresses, concurrently) reach the cap and never pass it
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 40; i++) {
                String address = "198.18.0." + (i + 1);
                answers.add(pool.submit(() -> get("/", address, null)));
            }
        }
        int busy = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 503) {
                busy++;
                assertThat(sessionCookie(response)).isNull();
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(response.body()).contains("SAFLA is busy");
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(busy).isEqualTo(40 - (CAP - 5));
        assertThat(sessions.peak()).isLessThanOrEqualTo(CAP);
        assertThat(sessions.live()).isEqualTo(CAP);

        // paths that do not look like pages are not charged up front, but any session they open is still bounded
        for (int i = 0; i < 10; i++) {
            get("/no-such-file-" + i + ".txt", "198.18.1." + (i + 1), null);
        }
        assertThat(sessions.peak()).isLessThanOrEqualTo(CAP);

        // after the provisional lifetime the bare page loads' sessions are gone; the visitor's session stays
        Thread.sleep(5_500);
        sessions.sweep();
        assertThat(sessions.live()).isEqualTo(1);
        HttpResponse<String> kept = get("/?v-r=heartbeat&v-uiId=0", "198.51.100.1", cookie);
        assertThat(sessionCookie(kept)).isNull();
        assertThat(get("/", "198.51.100.2", null).statusCode()).isEqualTo(200);
        assertThat(sessions.sessionsOf("203.0.113.66")).isZero();
        // the flooder's page-load allowance (5 a minute) is spent: one more, then 429 again
        assertThat(get("/", "203.0.113.66", null).statusCode()).isEqualTo(200);
        HttpResponse<String> spent = get("/", "203.0.113.66", null);
        assertThat(spent.statusCode()).isEqualTo(429);
        assertThat(spent.body()).contains("Too many new visits");

        // a script that completes the handshake (page, then the UI's first request) still holds only 4 sessions
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> page = get("/", "203.0.113.77", null);
            assertThat(page.statusCode()).isEqualTo(200);
            get("/?v-r=init&location=&query=", "203.0.113.77", sessionCookie(page));
        }
        HttpResponse<String> fifth = get("/", "203.0.113.77", null);
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.body()).contains("Too many open sessions");
        sessions.sweep();
        assertThat(sessions.sessionsOf("203.0.113.77")).isEqualTo(4);
    }

    @Test
    void pageLoadClassification() {
        assertThat(SessionGuard.isPageLoad("/")).isTrue();
        assertThat(SessionGuard.isPageLoad("/memory")).isTrue();
        assertThat(SessionGuard.isPageLoad("/api/status")).isFalse();
        assertThat(SessionGuard.isPageLoad("/actuator/health")).isFalse();
        assertThat(SessionGuard.isPageLoad("/VAADIN/build/index.js")).isFalse();
        assertThat(SessionGuard.isPageLoad("/styles/app.css")).isFalse();
    }
}
