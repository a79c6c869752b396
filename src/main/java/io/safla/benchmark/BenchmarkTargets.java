package io.safla.benchmark;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The application operations the non-vector suites time, injected so that this package depends on no service.
 * A {@code null} operation makes its suite unavailable; {@code unavailableReason} says why.
 *
 * @param embedderName      shown in the report's machine info
 * @param embed             embeds one text (uncached), for {@link BenchmarkSuite#EMBEDDING}
 * @param validate          validates one text, for {@link BenchmarkSuite#SAFETY}
 * @param search            a cached text search (text, k), for {@link BenchmarkSuite#CACHE_EFFECT}
 * @param api               one end-to-end search call, for {@link BenchmarkSuite#API_LATENCY}
 * @param unavailableReason why the engine-backed operations are missing, if they are
 */
public record BenchmarkTargets(
        String embedderName,
        @Nullable Function<String, ?> embed,
        @Nullable Function<String, ?> validate,
        @Nullable BiFunction<String, Integer, ?> search,
        @Nullable ApiProbe api,
        String unavailableReason) {

    /** Only the synthetic vector suites. */
    public static BenchmarkTargets vectorsOnly() {
        return new BenchmarkTargets("none", null, null, null, null, "no application targets were given");
    }

    /**
     * One timed search call of the API suite.
     *
     * @param call     sends (text, k) and returns the HTTP status (200 on success; 429 stops the run early)
     * @param maxCalls calls allowed in one run, warm-up included, to stay inside the API rate limit
     * @param label    what is called and why the number of calls is what it is
     */
    public record ApiProbe(BiFunction<String, Integer, Integer> call, int maxCalls, String label) {
        public ApiProbe {
            if (call == null || label == null || maxCalls < 1) {
                throw new IllegalArgumentException("call, label and maxCalls >= 1 are required");
            }
        }
    }
}
