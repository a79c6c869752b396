package io.safla;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Same context as SecurityHeadersTest, so it is shared rather than started again. */
@AutoConfigureMetrics
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "safla.app.space-id=someone/safla-space")
class EarlyThemeTest {

    @LocalServerPort
    int port;

    @Test
    void thePage_appliesTheSavedThemeInItsHead_beforeVaadinStarts() throws Exception {
        String page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/memory"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();

        int head = page.indexOf("</head>");
        int early = page.indexOf("localStorage.getItem('safla.view-preferences')");
        assertThat(early).isPositive().isLessThan(head);
        assertThat(page).contains("prefers-color-scheme: dark");
        int firstModule = page.indexOf("type=\"module\"");
        if (firstModule >= 0) {
            assertThat(early).isLessThan(firstModule);
        }
    }
}
