package io.safla.benchmark;

import java.util.List;
import java.util.Locale;

/** Benchmark history as CSV (RFC 4180: CRLF line ends, a header row, fields quoted when they need it). */
public final class ReportExport {

    static final List<String> HEADER = List.of(
            "id",
            "started",
            "finished",
            "suite",
            "n",
            "dimension",
            "k",
            "queries",
            "seed",
            "operations",
            "p50_us",
            "p95_us",
            "p99_us",
            "mean_us",
            "min_us",
            "max_us",
            "ops_per_s",
            "recall_at_k",
            "cores",
            "jvm",
            "kernel",
            "embedder",
            "cancelled",
            "note");

    private ReportExport() {}

    /** One header row and one row per report, in the given order. */
    public static String csv(List<BenchmarkReport> reports) {
        StringBuilder out = new StringBuilder();
        row(out, HEADER);
        for (BenchmarkReport r : reports) {
            BenchmarkSpec s = r.spec();
            row(
                    out,
                    List.of(
                            r.id(),
                            r.started().toString(),
                            r.finished().toString(),
                            s.suite().name(),
                            str(s.n()),
                            str(s.dimension()),
                            str(s.k()),
                            str(s.queries()),
                            Long.toString(s.seed()),
                            str(r.operations()),
                            num(r.p50Micros()),
                            num(r.p95Micros()),
                            num(r.p99Micros()),
                            num(r.meanMicros()),
                            num(r.minMicros()),
                            num(r.maxMicros()),
                            num(r.opsPerSecond()),
                            r.recallAtK() == null ? "" : String.format(Locale.ROOT, "%.4f", r.recallAtK()),
                            str(r.machine().cores()),
                            r.machine().jvm(),
                            r.machine().kernel(),
                            r.machine().embedder(),
                            Boolean.toString(r.cancelled()),
                            r.note()));
        }
        return out.toString();
    }

    /** Quotes a field if it holds a comma, quote, CR or LF, doubling inner quotes (RFC 4180 section 2). */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    private static String str(int v) {
        return Integer.toString(v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
