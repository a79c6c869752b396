package io.safla.benchmark.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Benchmark tab defaults and limits.
 *
 * @param seed        the seed the form starts with, so a first run is repeatable
 * @param n           the vector count the form starts with
 * @param dimension   the vector length the form starts with
 * @param k           results per search the form starts with
 * @param queries     timed operations the form starts with
 * @param historySize finished reports kept (shared by all visitors)
 * @param maxWaiting  runs allowed to wait behind the one running; more are refused
 * @param searchWarmup least time a search suite spends on untimed queries before timing, so that small stores
 *                    are timed compiled (see {@link io.safla.benchmark.BenchmarkRunner}); 0 to 10 s
 */
@Validated
@ConfigurationProperties("safla.bench")
public record BenchmarkProperties(
        @DefaultValue("42") long seed,
        @DefaultValue("10000") @Min(1000) @Max(200000) int n,
        @DefaultValue("384") int dimension,
        @DefaultValue("10") @Min(1) @Max(100) int k,
        @DefaultValue("200") @Min(10) @Max(2000) int queries,
        @DefaultValue("50") @Min(1) @Max(500) int historySize,
        @DefaultValue("3") @Min(0) @Max(10) int maxWaiting,

        @DefaultValue("1s") @DurationMin(seconds = 0) @DurationMax(seconds = 10)
        Duration searchWarmup) {}
