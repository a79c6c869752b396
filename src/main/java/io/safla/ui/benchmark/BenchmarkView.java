package io.safla.ui.benchmark;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.safla.benchmark.BenchmarkReport;
import io.safla.benchmark.BenchmarkSpec;
import io.safla.benchmark.BenchmarkSuite;
import io.safla.benchmark.BenchmarkSuite.Param;
import io.safla.benchmark.service.BenchmarkListener;
import io.safla.benchmark.service.BenchmarkProperties;
import io.safla.benchmark.service.BenchmarkRefusedException;
import io.safla.benchmark.service.BenchmarkService;
import io.safla.ui.kit.EChart;
import io.safla.ui.kit.ViewHeader;
import io.safla.ui.kit.VisitorActions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

@Route("benchmark")
@PageTitle("Benchmark | SAFLA")
@Menu(order = 3, icon = "vaadin:chart", title = "Benchmark")
class BenchmarkView extends VerticalLayout {

    /** Progress reaches the browser at most this often (~4 updates a second). */
    static final long PUSH_INTERVAL_NANOS = 250_000_000L;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final BenchmarkService benchmarks;
    private final VisitorActions actions;
    private final BenchmarkProperties defaults;

    final Select<BenchmarkSuite> suite = new Select<>();
    final IntegerField n = new IntegerField("n (vectors)");
    final ComboBox<Integer> dimension = new ComboBox<>("Dimension");
    final IntegerField k = new IntegerField("k (results)");
    final IntegerField queries = new IntegerField("Queries (timed operations)");
    final IntegerField seed = new IntegerField("Seed");
    final Span suiteStatus = new Span();
    final Button run = new Button("Run", VaadinIcon.PLAY.create());
    final Button cancel = new Button("Cancel", VaadinIcon.STOP.create());
    final ProgressBar progress = new ProgressBar(0, 1, 0);
    final Span queueStatus = new Span("Idle");
    final Div summary = new Div();
    final Div chartBox = new Div();
    final EChart histogram = new EChart();
    final EChart throughput = new EChart();
    final EChart compare = new EChart();
    final Grid<BenchmarkReport> history = new Grid<>(BenchmarkReport.class, false);
    final Span compareHint = new Span("Select two or more rows to compare their percentiles.");
    private final Map<Param, com.vaadin.flow.component.HasValue<?, Integer>> fields = new EnumMap<>(Param.class);
    private final AtomicLong lastPush = new AtomicLong();
    private @Nullable Runnable historySubscription;

    BenchmarkView(BenchmarkService benchmarks, VisitorActions actions) {
        this.benchmarks = benchmarks;
        this.actions = actions;
        this.defaults = benchmarks.defaults();
        setId("benchmark-view");
        addClassName("bench-view");
        add(new ViewHeader(
                "Benchmark",
                "Measured, repeatable benchmarks run on this server: vector search (exact"
                        + " and quantized), inserts, embedding and safety throughput, the cache's effect and end-to-end API"
                        + " latency, with percentiles, recall against brute force, charts and a history you can export."
                        + " Runs are queued: one at a time on this shared machine."));
        add(createForm(), createControls(), createResults(), createHistory());
        onSuiteChanged();
        showHistory(benchmarks.history());
    }

    private Component createForm() {
        suite.setId("bench-suite");
        suite.setLabel("Suite");
        suite.setItems(BenchmarkSuite.values());
        suite.setItemLabelGenerator(BenchmarkSuite::label);
        suite.setValue(BenchmarkSuite.VECTOR_SEARCH_EXACT);
        suite.addValueChangeListener(e -> onSuiteChanged());
        configureField(n, "bench-n", Param.N, defaults.n());
        n.setStep(1000);
        dimension.setId("bench-dimension");
        dimension.setItems(BenchmarkSpec.DIMENSIONS);
        dimension.setAllowCustomValue(false);
        dimension.setHelperText(BenchmarkSpec.range(Param.DIMENSION));
        dimension.setValue(BenchmarkSpec.DIMENSIONS.contains(defaults.dimension()) ? defaults.dimension() : 384);
        fields.put(Param.DIMENSION, dimension);
        configureField(k, "bench-k", Param.K, defaults.k());
        configureField(queries, "bench-queries", Param.QUERIES, defaults.queries());
        seed.setId("bench-seed");
        seed.setValue((int) defaults.seed());
        seed.setHelperText("Any whole number; the same seed repeats the same workload");
        suiteStatus.setId("suite-status");
        suiteStatus.addClassName("bench-suite-status");
        FormLayout form = new FormLayout(suite, n, dimension, k, queries, seed);
        form.setId("bench-form");
        form.setResponsiveSteps(
                new ResponsiveStep("0", 1), new ResponsiveStep("480px", 2), new ResponsiveStep("900px", 3));
        form.setColspan(suite, 2);
        Div wrapper = new Div(form, suiteStatus);
        wrapper.addClassName("bench-form");
        return wrapper;
    }

    private void configureField(IntegerField field, String id, Param param, int value) {
        field.setId(id);
        field.setValue(value);
        field.setStepButtonsVisible(false);
        field.setHelperText(BenchmarkSpec.range(param));
        fields.put(param, field);
    }

    private Component createControls() {
        run.setId("run-button");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> start());
        cancel.setId("cancel-button");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.setEnabled(false);
        cancel.addClickListener(e -> benchmarks.cancel(visitor()));
        progress.setId("bench-progress");
        progress.getElement().setAttribute("aria-label", "Benchmark progress");
        queueStatus.setId("queue-status");
        queueStatus.getElement().setAttribute("aria-live", "polite");
        HorizontalLayout buttons = new HorizontalLayout(run, cancel, queueStatus);
        buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        buttons.addClassName("bench-controls");
        Div box = new Div(buttons, progress);
        box.addClassName("bench-run");
        return box;
    }

    private Component createResults() {
        summary.setId("result-summary");
        summary.addClassName("bench-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        summary.add(new Span("No run yet: choose a suite and press Run."));
        histogram.setId("latency-chart");
        throughput.setId("throughput-chart");
        compare.setId("compare-chart");
        compare.setVisible(false);
        for (EChart chart : List.of(histogram, throughput, compare)) {
            chart.addClassName("bench-chart");
            chart.getElement().setAttribute("role", "img");
        }
        histogram.getElement().setAttribute("aria-label", "Latency histogram of the last run");
        throughput.getElement().setAttribute("aria-label", "Throughput against n from the history");
        compare.getElement().setAttribute("aria-label", "Percentiles of the selected runs");
        chartBox.addClassName("bench-charts");
        chartBox.add(histogram, throughput);
        Div results = new Div(new H3("Result"), summary, chartBox);
        results.addClassName("bench-results");
        return results;
    }

    private Component createHistory() {
        history.setId("history-grid");
        history.setSelectionMode(Grid.SelectionMode.MULTI);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.addColumn(r -> TIME.format(r.started()))
                .setHeader("Started (UTC)")
                .setAutoWidth(true);
        history.addColumn(r -> r.suite().name()).setHeader("Suite").setAutoWidth(true);
        history.addColumn(r -> r.spec().n()).setHeader("n");
        history.addColumn(r -> r.spec().dimension()).setHeader("dim");
        history.addColumn(r -> r.spec().k()).setHeader("k");
        history.addColumn(r -> r.operations()).setHeader("ops");
        history.addColumn(r -> BenchmarkCharts.fmt(r.p50Micros())).setHeader("p50 us");
        history.addColumn(r -> BenchmarkCharts.fmt(r.p95Micros())).setHeader("p95 us");
        history.addColumn(r -> BenchmarkCharts.fmt(r.p99Micros())).setHeader("p99 us");
        history.addColumn(r -> String.format(Locale.ROOT, "%.0f", r.opsPerSecond()))
                .setHeader("ops/s");
        history.addColumn(r -> r.recallAtK() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.recallAtK()))
                .setHeader("recall");
        history.addColumn(r -> r.seed()).setHeader("seed");
        history.addColumn(r -> r.cancelled() ? "cancelled" : "done").setHeader("status");
        history.setAllRowsVisible(false);
        history.setHeight("320px");
        history.setAriaLabel("Benchmark history; select runs to compare them");
        history.asMultiSelect().addValueChangeListener(e -> showComparison(new ArrayList<>(e.getValue())));
        compareHint.setId("compare-hint");
        Anchor csv = download(
                "benchmarks.csv",
                "text/csv",
                () -> benchmarks.historyCsv().getBytes(StandardCharsets.UTF_8),
                "Export CSV",
                "export-csv");
        Anchor json =
                download("benchmarks.json", "application/json", benchmarks::historyJson, "Export JSON", "export-json");
        HorizontalLayout exports = new HorizontalLayout(csv, json);
        exports.addClassName("bench-exports");
        Div box = new Div(
                new H3("History (shared, last " + defaults.historySize() + " runs)"),
                exports,
                history,
                compareHint,
                compare);
        box.addClassName("bench-history");
        return box;
    }

    private static Anchor download(
            String file, String type, java.util.function.Supplier<byte[]> bytes, String text, String id) {
        Anchor anchor = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] content = bytes.get();
                    return new DownloadResponse(new ByteArrayInputStream(content), file, type, content.length);
                }),
                text);
        anchor.getElement().setAttribute("download", true);
        anchor.setId(id);
        anchor.addClassName("bench-export");
        return anchor;
    }

    private void onSuiteChanged() {
        BenchmarkSuite chosen = suite.getValue();
        fields.forEach((param, field) -> ((Component) field).getElement().setEnabled(chosen.uses(param)));
        Optional<String> degraded = benchmarks.degradedReason(chosen);
        suiteStatus.setText(degraded.orElse(describe(chosen)));
        suiteStatus.getElement().getClassList().set("bench-degraded", degraded.isPresent());
        if (benchmarks.position(visitor()).isEmpty()) {
            run.setEnabled(degraded.isEmpty());
        }
    }

    private static String describe(BenchmarkSuite suite) {
        return suite.label() + ": uses "
                + suite.params().stream()
                        .map(p -> p.name().toLowerCase(Locale.ROOT))
                        .sorted()
                        .toList() + " and the seed" + (suite.measuresRecall() ? "; reports recall@k" : "");
    }

    private void start() {
        Optional<BenchmarkSpec> spec = readSpec();
        if (spec.isEmpty()) {
            return;
        }
        actions.run("benchmark.run", () -> submit(spec.get()));
    }

    /** Validates the form; marks each bad field and shows one notification, or returns the spec. */
    Optional<BenchmarkSpec> readSpec() {
        BenchmarkSuite chosen = suite.getValue();
        List<String> messages = new ArrayList<>();
        Map<Param, Integer> values = new EnumMap<>(Param.class);
        fields.forEach((param, field) -> {
            setError(field, null);
            Integer value = field.getValue();
            if (!chosen.uses(param)) {
                values.put(param, defaultOf(param));
            } else if (value == null) {
                setError(
                        field,
                        param.name().toLowerCase(Locale.ROOT) + " is required (" + BenchmarkSpec.range(param) + ")");
                messages.add(param.name().toLowerCase(Locale.ROOT) + " is required");
            } else {
                values.put(param, value);
            }
        });
        seed.setInvalid(false);
        if (seed.getValue() == null) {
            seed.setInvalid(true);
            seed.setErrorMessage("seed is required");
            messages.add("seed is required");
        }
        if (messages.isEmpty()) {
            for (BenchmarkSpec.Problem problem : BenchmarkSpec.problems(
                    chosen,
                    values.get(Param.N),
                    values.get(Param.DIMENSION),
                    values.get(Param.K),
                    values.get(Param.QUERIES))) {
                setError(fields.get(problem.param()), problem.message());
                messages.add(problem.message());
            }
        }
        if (!messages.isEmpty()) {
            notify(
                    "Not started: " + String.join("; ", messages),
                    NotificationVariant.LUMO_ERROR,
                    "bench-validation-notification");
            return Optional.empty();
        }
        return Optional.of(new BenchmarkSpec(
                chosen,
                values.get(Param.N),
                values.get(Param.DIMENSION),
                values.get(Param.K),
                values.get(Param.QUERIES),
                seed.getValue()));
    }

    private int defaultOf(Param param) {
        return switch (param) {
            case N -> defaults.n();
            case DIMENSION -> BenchmarkSpec.DIMENSIONS.contains(defaults.dimension()) ? defaults.dimension() : 384;
            case K -> defaults.k();
            case QUERIES -> defaults.queries();
        };
    }

    private static void setError(com.vaadin.flow.component.HasValue<?, Integer> field, @Nullable String message) {
        if (field instanceof com.vaadin.flow.component.shared.HasValidationProperties v) {
            v.setInvalid(message != null);
            v.setErrorMessage(message);
        }
    }

    private void submit(BenchmarkSpec spec) {
        try {
            int position = benchmarks.submit(visitor(), spec, new Listener(UI.getCurrent()));
            showRunning(position);
            summary.removeAll();
            summary.add(new Span("Running " + spec.suite().label() + " with seed " + spec.seed() + "..."));
        } catch (BenchmarkRefusedException e) {
            notify(e.getMessage(), NotificationVariant.LUMO_WARNING, "bench-refused-notification");
        }
    }

    private void showRunning(int position) {
        run.setEnabled(false);
        cancel.setEnabled(true);
        progress.setValue(0);
        queueStatus.setText(position == 0 ? "Running" : "Waiting: position " + position + " in the queue");
    }

    private void showIdle(String status) {
        cancel.setEnabled(false);
        queueStatus.setText(status);
        onSuiteChanged();
        run.setEnabled(benchmarks.degradedReason(suite.getValue()).isEmpty());
    }

    void showReport(BenchmarkReport report) {
        summary.removeAll();
        if (report.cancelled()) {
            summary.add(figure("Status", "Cancelled: partial result of " + report.operations() + " operations"));
        }
        summary.add(
                figure("Suite", report.suite().label()),
                figure(
                        "p50 / p95 / p99",
                        BenchmarkCharts.fmt(report.p50Micros()) + " / "
                                + BenchmarkCharts.fmt(report.p95Micros()) + " / "
                                + BenchmarkCharts.fmt(report.p99Micros())
                                + " us"),
                figure(
                        "Mean / min / max",
                        BenchmarkCharts.fmt(report.meanMicros()) + " / "
                                + BenchmarkCharts.fmt(report.minMicros()) + " / "
                                + BenchmarkCharts.fmt(report.maxMicros())
                                + " us"),
                figure(
                        "Throughput",
                        String.format(Locale.ROOT, "%,.0f ops/s (%d ops)", report.opsPerSecond(), report.operations())),
                figure(
                        "Recall@" + report.spec().k(),
                        report.recallAtK() == null
                                ? "not applicable"
                                : String.format(Locale.ROOT, "%.4f", report.recallAtK())),
                figure(
                        "Parameters",
                        "n " + report.spec().n() + ", dim " + report.spec().dimension() + ", k "
                                + report.spec().k() + ", queries "
                                + report.spec().queries() + ", seed " + report.seed()),
                figure(
                        "Machine",
                        report.machine().cores() + " cores, " + report.machine().jvm()),
                figure("Kernel", report.machine().kernel()),
                figure("Embedder", report.machine().embedder()),
                figure("Measured", report.note()));
        histogram.setOption(BenchmarkCharts.histogram(report));
    }

    private static Div figure(String label, String value) {
        Span name = new Span(label);
        name.addClassName("bench-figure-label");
        Span text = new Span(value);
        text.addClassName("bench-figure-value");
        Div div = new Div(name, text);
        div.addClassName("bench-figure");
        div.getElement().setAttribute("data-figure", label);
        return div;
    }

    private void showHistory(List<BenchmarkReport> reports) {
        List<BenchmarkReport> newestFirst = new ArrayList<>(reports);
        java.util.Collections.reverse(newestFirst);
        history.setItems(newestFirst);
        throughput.setOption(BenchmarkCharts.throughput(reports));
    }

    private void showComparison(List<BenchmarkReport> selected) {
        selected.sort(java.util.Comparator.comparing(BenchmarkReport::started));
        compare.setVisible(selected.size() >= 2);
        compareHint.setVisible(selected.size() < 2);
        if (selected.size() >= 2) {
            compare.setOption(BenchmarkCharts.compare(selected));
        }
    }

    private static void notify(String text, NotificationVariant variant, String id) {
        Notification notification = new Notification(text, 6000, Notification.Position.BOTTOM_END);
        notification.setId(id);
        notification.addThemeVariants(variant);
        notification.open();
    }

    private static String visitor() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && session.getSession() != null
                ? session.getSession().getId()
                : "no-session";
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        historySubscription = benchmarks.onHistoryChange(reports -> push(ui, () -> showHistory(reports)));
        OptionalInt position = benchmarks.watch(visitor(), new Listener(ui));
        if (position.isPresent()) {
            showRunning(position.getAsInt());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (historySubscription != null) {
            historySubscription.run();
            historySubscription = null;
        }
        super.onDetach(event);
    }

    private static void push(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            // the tab was closed; the run continues and its report lands in the history
        }
    }

    /** Moves the run's events onto the UI through push; progress at most every {@link #PUSH_INTERVAL_NANOS}. */
    private final class Listener implements BenchmarkListener {
        private final UI ui;

        Listener(UI ui) {
            this.ui = ui;
        }

        @Override
        public void onQueued(int position) {
            push(ui, () -> queueStatus.setText("Waiting: position " + position + " in the queue"));
        }

        @Override
        public void onStarted() {
            push(ui, () -> {
                queueStatus.setText("Running");
                progress.setValue(0);
            });
        }

        @Override
        public void onProgress(int percent) {
            long now = System.nanoTime();
            long last = lastPush.get();
            if (now - last < PUSH_INTERVAL_NANOS || !lastPush.compareAndSet(last, now)) {
                return;
            }
            push(ui, () -> {
                progress.setValue(percent / 100.0);
                queueStatus.setText("Running: " + percent + " %");
            });
        }

        @Override
        public void onFinished(BenchmarkReport report) {
            push(ui, () -> {
                progress.setValue(report.cancelled() ? progress.getValue() : 1);
                showReport(report);
                showIdle(
                        report.cancelled()
                                ? "Cancelled"
                                : "Finished in " + report.elapsed().toMillis() + " ms");
            });
        }

        @Override
        public void onCancelledWhileWaiting() {
            push(ui, () -> {
                summary.removeAll();
                summary.add(new Span("Cancelled before it started."));
                showIdle("Cancelled");
            });
        }

        @Override
        public void onFailed(String message) {
            push(ui, () -> {
                summary.removeAll();
                summary.add(new Span("The run failed: " + message));
                showIdle("Failed");
                BenchmarkView.notify(
                        "Benchmark failed: " + message, NotificationVariant.LUMO_ERROR, "bench-failed-notification");
            });
        }
    }
}
