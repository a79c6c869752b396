package io.safla.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.safla.benchmark.BenchmarkSuite.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchmarkSpecTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "999|128|10|100|N|n must be between 1000 and 200000, got 999",
                "200001|128|10|100|N|n must be between 1000 and 200000, got 200001",
                "1000|100|10|100|DIMENSION|dimension must be one of [128, 256, 384, 512, 768, 1024, 1536], got 100",
                "1000|128|0|100|K|k must be between 1 and 100, got 0",
                "1000|128|101|100|K|k must be between 1 and 100, got 101",
                "1000|128|10|9|QUERIES|queries must be between 10 and 2000, got 9",
                "1000|128|10|2001|QUERIES|queries must be between 10 and 2000, got 2001",
                "200000|1536|10|100|N|n x dimension must be at most 25600000 floats (100 MB), got 307200000; lower n or the dimension",
                "200000|128|10|2000|QUERIES|n x dimension x queries must be at most 10000000000 multiply-adds, got 51200000000; lower queries, n or the dimension",
            })
    void problems_outOfRange_namesFieldAndLimit(int n, int dim, int k, int queries, Param param, String message) {
        assertThat(BenchmarkSpec.problems(BenchmarkSuite.VECTOR_SEARCH_EXACT, n, dim, k, queries))
                .containsExactly(new BenchmarkSpec.Problem(param, message));
        assertThatThrownBy(() -> new BenchmarkSpec(BenchmarkSuite.VECTOR_SEARCH_EXACT, n, dim, k, queries, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void constructor_severalProblems_reportsAllInOneMessage() {
        assertThatThrownBy(() -> new BenchmarkSpec(BenchmarkSuite.INSERTS, 0, 3, 0, 0, 1))
                .hasMessageContaining("n must be")
                .hasMessageContaining("dimension must be")
                .hasMessageContaining("k must be")
                .hasMessageContaining("queries must be");
    }

    @Test
    void problems_workCapOnlyForVectorSearch() {
        assertThat(BenchmarkSpec.problems(BenchmarkSuite.INSERTS, 200_000, 128, 10, 2000))
                .isEmpty();
        assertThat(BenchmarkSpec.problems(BenchmarkSuite.SAFETY, 200_000, 1536, 10, 2000))
                .isEmpty();
    }

    @Test
    void constructor_limits_areAccepted() {
        assertThat(new BenchmarkSpec(BenchmarkSuite.VECTOR_SEARCH_QUANTIZED, 1000, 1536, 100, 2000, 7).k())
                .isEqualTo(100);
        assertThat(new BenchmarkSpec(BenchmarkSuite.VECTOR_SEARCH_EXACT, 200_000, 128, 1, 10, 7).n())
                .isEqualTo(200_000);
    }

    @Test
    void range_isDocumentedForEveryParam() {
        for (Param p : Param.values()) {
            assertThat(BenchmarkSpec.range(p)).isNotBlank();
        }
    }
}
