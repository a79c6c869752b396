package io.safla.ui.benchmark;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.AbstractStreamResource;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.ElementRequestHandler;
import io.safla.benchmark.BenchmarkSuite;
import io.safla.benchmark.service.BenchmarkService;
import io.safla.ui.kit.KaribuTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class BenchmarkViewTest extends KaribuTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    private BenchmarkService benchmarks;

    private BenchmarkView view;

    @BeforeEach
    void openView() {
        startUi();
        UI.getCurrent().navigate("benchmark");
        view = _get(BenchmarkView.class);
    }

    @AfterEach
    void tearDown() {
        benchmarks.cancel(visitor());
    }

    private static String visitor() {
        return VaadinSession.getCurrent().getSession().getId();
    }

    /** Runs pending UI.access tasks until {@code condition} holds; bounded, with a short park between rounds. */
    private static void awaitUi(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            MockVaadin.clientRoundtrip(false);
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("UI did not reach the expected state within " + WAIT);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private String figure(String name) {
        return _find(view.summary, Div.class, spec -> spec.withClasses("bench-figure")).stream()
                .filter(d -> name.equals(d.getElement().getAttribute("data-figure")))
                .findFirst()
                .map(d -> d.getElement().getChild(1).getTextRecursively())
                .orElse("");
    }

    @Test
    void smallExactRun_showsSummaryWithPerfectRecall_andHistoryRow() {
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("Benchmark");
        int before = benchmarks.history().size();
        view.suite.setValue(BenchmarkSuite.VECTOR_SEARCH_EXACT);
        _setValue(view.n, 1000);
        _setValue(view.dimension, 128);
        _setValue(view.k, 5);
        _setValue(view.queries, 20);
        _setValue(view.seed, 7);

        _click(view.run);
        awaitUi(() -> view.queueStatus.getText().startsWith("Finished"));

        assertThat(figure("Recall@5")).isEqualTo("1.0000");
        assertThat(figure("p50 / p95 / p99")).endsWith(" us");
        assertThat(figure("Parameters")).isEqualTo("n 1000, dim 128, k 5, queries 20, seed 7");
        assertThat(figure("Kernel")).contains("vector kernel");
        assertThat(view.histogram.getOption()).contains("Latency histogram");
        assertThat(view.run.isEnabled()).isTrue();
        assertThat(view.cancel.isEnabled()).isFalse();
        assertThat(benchmarks.history()).hasSize(before + 1);
        assertThat(GridKt._size(view.history)).isEqualTo(before + 1);
        assertThat(view.throughput.getOption()).contains("VECTOR_SEARCH_EXACT 128-d");
        assertThat(benchmarks.historyCsv()).contains("VECTOR_SEARCH_EXACT,1000,128,5,20,7,20,");
    }

    @Test
    void longRun_cancelled_showsPartialCancelledReport() {
        view.suite.setValue(BenchmarkSuite.VECTOR_SEARCH_EXACT);
        _setValue(view.n, 200_000);
        _setValue(view.dimension, 128);
        _setValue(view.queries, 300);

        _click(view.run);
        assertThat(view.cancel.isEnabled()).isTrue();
        assertThat(benchmarks.position(visitor())).isPresent();
        _click(view.cancel);
        awaitUi(() -> view.queueStatus.getText().equals("Cancelled"));

        assertThat(figure("Status")).startsWith("Cancelled: partial result of");
        assertThat(benchmarks.position(visitor())).isEmpty();
        assertThat(view.run.isEnabled()).isTrue();
    }

    @Test
    void outOfRangeValue_marksFieldAndNotifies_nothingRuns() {
        _setValue(view.n, 5);
        _setValue(view.k, 500);

        _click(view.run);

        assertThat(view.n.isInvalid()).isTrue();
        assertThat(view.n.getErrorMessage()).isEqualTo("n must be between 1000 and 200000, got 5");
        assertThat(view.k.getErrorMessage()).isEqualTo("k must be between 1 and 100, got 500");
        assertThat(_get(Notification.class, spec -> spec.withId("bench-validation-notification"))
                        .getElement()
                        .getProperty("text", ""))
                .isNotNull();
        assertThat(benchmarks.position(visitor())).isEmpty();
        assertThat(view.queueStatus.getText()).isEqualTo("Idle");
    }

    @Test
    void suiteWithoutN_disablesUnusedFields() {
        view.suite.setValue(BenchmarkSuite.SAFETY);

        assertThat(view.n.isEnabled()).isFalse();
        assertThat(view.dimension.isEnabled()).isFalse();
        assertThat(view.queries.isEnabled()).isTrue();
        assertThat(view.suiteStatus.getText()).contains("Safety validation");
    }

    @Test
    void historyExports_areDownloadHandlerAnchors_servingCsvAndJsonWithTheirFileNamesAndTypes() throws Exception {
        assertDownload("export-csv", "benchmarks.csv", "text/csv", benchmarks.historyCsv());
        assertDownload(
                "export-json",
                "benchmarks.json",
                "application/json",
                new String(benchmarks.historyJson(), StandardCharsets.UTF_8));
    }

    private static void assertDownload(String id, String fileName, String contentType, String content)
            throws Exception {
        Anchor anchor = _get(Anchor.class, spec -> spec.withId(id));
        assertThat(anchor.getElement().hasAttribute("download")).isTrue();
        AbstractStreamResource resource = VaadinSession.getCurrent()
                .getResourceRegistry()
                .getResource(URI.create(anchor.getHref()))
                .orElseThrow();
        assertThat(resource).isInstanceOf(StreamResourceRegistry.ElementStreamResource.class);
        ElementRequestHandler handler =
                ((StreamResourceRegistry.ElementStreamResource) resource).getElementRequestHandler();
        assertThat(handler).isInstanceOf(DownloadHandler.class);

        VaadinResponse response = mock(VaadinResponse.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(body);
        ((DownloadHandler) handler)
                .handleDownloadRequest(new DownloadEvent(
                        mock(VaadinRequest.class), response, VaadinSession.getCurrent(), anchor.getElement()));

        verify(response).setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        verify(response).setContentType(contentType);
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo(content);
    }
}
