package io.safla.ui.benchmark;

import io.safla.benchmark.BenchmarkReport;
import io.safla.benchmark.BenchmarkSuite;
import io.safla.benchmark.Histogram;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** ECharts options for the Benchmark tab, built from reports. */
final class BenchmarkCharts {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private BenchmarkCharts() {}

    /** Bars of the report's latency histogram (log-spaced buckets, in microseconds). */
    static ObjectNode histogram(BenchmarkReport report) {
        Histogram h = report.histogram();
        ArrayNode labels = F.arrayNode();
        ArrayNode counts = F.arrayNode();
        for (int i = 0; i < h.counts().size(); i++) {
            labels.add(fmt(h.edgesMicros().get(i)) + "-" + fmt(h.edgesMicros().get(i + 1)));
            counts.add(h.counts().get(i));
        }
        ObjectNode option = base("Latency histogram: " + report.suite().name() + " (us per operation)");
        option.putObject("xAxis").put("type", "category").put("name", "us").set("data", labels);
        option.putObject("yAxis").put("type", "value").put("name", "operations");
        ObjectNode series = option.putArray("series").addObject();
        series.put("type", "bar").put("name", "operations").set("data", counts);
        return option;
    }

    /** Operations per second against n, one line per suite and dimension, from completed history runs. */
    static ObjectNode throughput(List<BenchmarkReport> history) {
        Map<String, List<BenchmarkReport>> lines = history.stream()
                .filter(r -> !r.cancelled() && r.suite().uses(BenchmarkSuite.Param.N))
                .collect(Collectors.groupingBy(
                        r -> r.suite().name() + " " + r.spec().dimension() + "-d", TreeMap::new, Collectors.toList()));
        ObjectNode option = base("Throughput vs n (completed runs in the history)");
        option.putObject("legend").put("type", "scroll").put("bottom", 0);
        option.putObject("xAxis").put("type", "log").put("name", "n").put("min", 1000);
        option.putObject("yAxis").put("type", "value").put("name", "ops/s");
        ArrayNode series = option.putArray("series");
        lines.forEach((name, reports) -> {
            ArrayNode points = F.arrayNode();
            reports.stream()
                    .sorted(Comparator.comparingInt(r -> r.spec().n()))
                    .forEach(r -> points.addArray().add(r.spec().n()).add(round(r.opsPerSecond())));
            series.addObject()
                    .put("type", "line")
                    .put("name", name)
                    .put("symbolSize", 8)
                    .set("data", points);
        });
        return option;
    }

    /** Grouped p50/p95/p99 bars of the selected runs. */
    static ObjectNode compare(List<BenchmarkReport> selected) {
        ObjectNode option = base("Selected runs: latency percentiles (us)");
        option.putObject("legend").put("bottom", 0);
        ArrayNode names = F.arrayNode();
        selected.forEach(r -> names.add(r.id() + " " + r.suite().name()));
        option.putObject("xAxis").put("type", "category").set("data", names);
        option.putObject("yAxis").put("type", "log").put("name", "us");
        ArrayNode series = option.putArray("series");
        series.addObject().put("type", "bar").put("name", "p50").set("data", values(selected, 50));
        series.addObject().put("type", "bar").put("name", "p95").set("data", values(selected, 95));
        series.addObject().put("type", "bar").put("name", "p99").set("data", values(selected, 99));
        return option;
    }

    private static ArrayNode values(List<BenchmarkReport> reports, int percentile) {
        ArrayNode out = F.arrayNode();
        for (BenchmarkReport r : reports) {
            double v = percentile == 50 ? r.p50Micros() : percentile == 95 ? r.p95Micros() : r.p99Micros();
            out.add(round(Math.max(0.001, v)));
        }
        return out;
    }

    private static ObjectNode base(String title) {
        ObjectNode option = F.objectNode();
        option.putObject("title")
                .put("text", title)
                .put("left", "center")
                .putObject("textStyle")
                .put("fontSize", 13);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("left", 56).put("right", 16).put("top", 40).put("bottom", 56);
        return option;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String fmt(double micros) {
        return micros >= 100 ? String.format(Locale.ROOT, "%.0f", micros) : String.format(Locale.ROOT, "%.1f", micros);
    }
}
