package io.safla.ui.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.safla.monitor.ComponentHealth;
import io.safla.monitor.HealthSnapshot;
import io.safla.monitor.service.AnalyticsService;
import io.safla.system.service.SaflaManager;
import io.safla.ui.kit.EChart;
import io.safla.ui.kit.Figure;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The health panel: overall status, components with reasons, live figures and 15-minute trends, pushed every sample. */
public class HealthPanel extends Dialog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final SaflaManager manager;
    private final AnalyticsService analytics;
    final EChart analyticsChart = new EChart();
    final Span analyticsNote = new Span();
    public final Span overall = new Span();
    final Span sampledAt = new Span();
    final Div components = new Div();
    final Div figures = new Div();
    final Map<String, EChart> trends = new LinkedHashMap<>();
    private @Nullable Runnable unsubscribe;

    public HealthPanel(SaflaManager manager, AnalyticsService analytics) {
        this.manager = manager;
        this.analytics = analytics;
        setId("health-panel");
        setHeaderTitle("Health");
        setAriaLabel("Health");
        setWidth("min(960px, 96vw)");
        setMaxHeight("90vh");
        overall.setId("health-panel-overall");
        components.addClassName("health-components");
        figures.addClassName("health-figures");
        Div trendGrid = new Div();
        trendGrid.addClassName("health-trends");
        for (String name : List.of("Heap MB", "RSS MB", "CPU %", "p95 ms", "Requests/min")) {
            EChart chart = new EChart();
            chart.setHeight("70px");
            chart.setAriaLabel(name + " over the last 15 minutes");
            trends.put(name, chart);
            Div cell = new Div(new Span(name), chart);
            cell.addClassName("health-trend");
            trendGrid.add(cell);
        }
        Div status = new Div(overall, sampledAt);
        status.addClassName("health-status-line");
        analyticsChart.setHeight("160px");
        analyticsChart.setAriaLabel("Interactions per minute");
        analyticsChart.setVisible(analytics.enabled());
        analyticsNote.addClassName("health-analytics-note");
        add(
                status,
                new H3("Components"),
                components,
                new H3("Now"),
                figures,
                new H3("Last 15 minutes"),
                trendGrid,
                new H3("Interactions per minute"),
                analyticsNote,
                analyticsChart);
        getFooter().add(new Button("Close", e -> close()));
        render(manager.status(), manager.statusHistory());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        unsubscribe = manager.subscribe(snapshot -> ui.access(() -> render(snapshot, manager.statusHistory())));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        super.onDetach(event);
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    void render(HealthSnapshot s, List<HealthSnapshot> history) {
        overall.setText(s.overall().name());
        overall.setClassName("health-chip health-" + s.overall().name().toLowerCase());
        sampledAt.setText("sampled " + TIME.format(s.takenAt()) + " UTC");
        components.removeAll();
        for (ComponentHealth c : s.components()) {
            Span chip = new Span(c.level().name());
            chip.setClassName("health-chip health-" + c.level().name().toLowerCase());
            Div row = new Div(new Span(c.name()), chip, new Span(c.detail()));
            row.addClassName("health-component");
            row.getElement().setAttribute("data-component", c.name());
            components.add(row);
        }
        figures.removeAll();
        figure("JVM heap", mb(s.heapUsedBytes()) + " / " + mb(s.heapMaxBytes()) + " MB");
        figure("Non-heap", mb(s.nonHeapUsedBytes()) + " MB");
        figure("Process RSS", s.residentBytes() < 0 ? "unknown" : mb(s.residentBytes()) + " MB");
        figure(
                "System memory",
                s.systemMemoryTotalBytes() < 0
                        ? "unknown"
                        : mb(s.systemMemoryTotalBytes() - s.systemMemoryAvailableBytes()) + " / "
                                + mb(s.systemMemoryTotalBytes()) + " MB used");
        figure(
                "CPU load",
                s.systemCpuLoad() < 0
                        ? "unknown"
                        : String.format(
                                "%.0f %% of %d cores, load %.2f",
                                s.systemCpuLoad() * 100, s.processors(), s.loadAverage()));
        figure("Uptime", uptime(s.uptime()));
        figure("Threads", String.valueOf(s.threads()));
        figure("Active visitors", s.activeSessions() + " / " + s.maxSessions());
        figure("Requests", String.format("%.1f / min", s.requests().perMinute()));
        figure(
                "Response time",
                s.requests().count() == 0
                        ? "no requests yet"
                        : String.format(
                                "avg %.0f ms, p95 %.0f ms",
                                s.requests().averageMillis(), s.requests().p95Millis()));
        figure("Error rate", String.format("%.1f %%", s.requests().errorRate() * 100));
        figure(
                "Memory cleanups",
                s.memoryCleanups() == 0 ? "none" : s.memoryCleanups() + " (" + manager.lastCleanupNote() + ")");
        trend("Heap MB", history, h -> h.heapUsedBytes() / 1048576.0);
        trend("RSS MB", history, h -> h.residentBytes() < 0 ? Double.NaN : h.residentBytes() / 1048576.0);
        trend("CPU %", history, h -> h.systemCpuLoad() < 0 ? Double.NaN : h.systemCpuLoad() * 100);
        trend("p95 ms", history, h -> h.requests().p95Millis());
        trend("Requests/min", history, h -> h.requests().perMinute());
        renderAnalytics(s);
    }

    private void renderAnalytics(HealthSnapshot s) {
        if (!analytics.enabled()) {
            analyticsNote.setText("Analytics is off (ENABLE_ANALYTICS=false): no interaction is recorded.");
            return;
        }
        int minutes = 15;
        Map<String, long[]> perMinute = analytics.perMinute(s.takenAt(), minutes);
        long total = perMinute.values().stream()
                .flatMapToLong(java.util.Arrays::stream)
                .sum();
        analyticsNote.setText(total + " interactions in the last " + minutes
                + " minutes (anonymous: feature, duration and outcome only).");
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("type", "scroll").put("bottom", 0);
        option.putObject("grid").put("left", 32).put("right", 8).put("top", 8).put("bottom", 40);
        ArrayNode x = option.putObject("xAxis").put("type", "category").putArray("data");
        for (int i = minutes - 1; i >= 0; i--) {
            x.add(TIME.format(s.takenAt().minusSeconds(60L * i)).substring(0, 5));
        }
        option.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ArrayNode series = option.putArray("series");
        perMinute.forEach((feature, counts) -> {
            ObjectNode serie =
                    series.addObject().put("type", "bar").put("stack", "all").put("name", feature);
            ArrayNode data = serie.putArray("data");
            for (long c : counts) {
                data.add(c);
            }
        });
        analyticsChart.setOption(option);
    }

    /** Trend charts that have received an option; for tests. */
    public int trendsRendered() {
        return (int)
                trends.values().stream().filter(c -> !c.getOption().isEmpty()).count();
    }

    private void figure(String label, String value) {
        figures.add(Figure.of(label, value));
    }

    private void trend(String name, List<HealthSnapshot> history, ToDoubleFunction<HealthSnapshot> value) {
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        option.putObject("grid").put("left", 4).put("right", 4).put("top", 6).put("bottom", 4);
        ArrayNode x = option.putObject("xAxis")
                .put("type", "category")
                .put("show", false)
                .putArray("data");
        option.putObject("yAxis").put("type", "value").put("show", false).put("scale", true);
        option.putObject("tooltip").put("trigger", "axis");
        ObjectNode series = option.putArray("series").addObject();
        series.put("type", "line").put("name", name).put("showSymbol", false).put("smooth", true);
        series.putObject("areaStyle").put("opacity", 0.15);
        ArrayNode data = series.putArray("data");
        for (HealthSnapshot h : history) {
            x.add(TIME.format(h.takenAt()));
            double v = value.applyAsDouble(h);
            if (Double.isNaN(v)) {
                data.addNull();
            } else {
                data.add(Math.round(v * 10) / 10.0);
            }
        }
        trends.get(name).setOption(option);
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static String uptime(Duration d) {
        return String.format(
                "%dd %02dh %02dm %02ds", d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    }
}
