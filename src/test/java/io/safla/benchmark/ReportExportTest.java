package io.safla.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportExportTest {

    @Test
    void field_specialCharacters_quotedAndDoubled() {
        assertThat(ReportExport.field("plain")).isEqualTo("plain");
        assertThat(ReportExport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReportExport.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void csv_headerAndOneRowPerReport_crlf() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        BenchmarkReport report = new BenchmarkReport(
                "r1",
                new BenchmarkSpec(BenchmarkSuite.VECTOR_SEARCH_EXACT, 1000, 128, 10, 10, 42),
                10,
                1,
                2,
                3,
                1.5,
                0.5,
                4,
                1000,
                1.0,
                Histogram.empty(),
                new MachineInfo(2, "OpenJDK 17", "panama(8 lanes)", "none"),
                t,
                t.plusSeconds(1),
                false,
                "exact float scan; cosine");

        String csv = ReportExport.csv(List.of(report));

        String[] lines = csv.split("\r\n");
        assertThat(csv).endsWith("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("id,started,finished,suite,n,dimension,k,queries,seed,operations,p50_us");
        assertThat(lines[1])
                .startsWith(
                        "r1,2026-01-01T00:00:00Z,2026-01-01T00:00:01Z,VECTOR_SEARCH_EXACT,1000,128,"
                                + "10,10,42,10,1.00,2.00,3.00,1.50,0.50,4.00,1000.00,1.0000,2,OpenJDK 17,panama(8 lanes),none,false,")
                .endsWith(",exact float scan; cosine")
                .doesNotContain("\"");
    }
}
