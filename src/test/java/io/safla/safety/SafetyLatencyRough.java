package io.safla.safety;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rough single-thread latency of the validator on 1000-character inputs; not a JMH measurement.
 * Run: {@code ./mvnw -q -B test-compile && java -cp "target/test-classes:target/classes:$(cat target/cp.txt)"
 * io.safla.safety.SafetyLatencyRough} after {@code ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt}.
 */
public final class SafetyLatencyRough {

    private SafetyLatencyRough() {}

    public static void main(String[] args) {
        SafetyValidator v =
                SafetyValidator.standard(Clock.systemUTC(), new HashingTestEmbedder(), Evaluation.HASHING_THRESHOLDS);
        Set<String> rules = Set.of(
                ContentSafetyLayer.NAME,
                PromptInjectionLayer.NAME,
                PrivacyLayer.NAME,
                BehaviourLayer.NAME,
                ConstraintLayer.NAME);
        Set<String> semantic = Set.of(SemanticLayer.NAME);
        for (String input : List.of(BenchInputs.BENIGN_1000, BenchInputs.MIXED_1000)) {
            String name = input == BenchInputs.BENIGN_1000 ? "benign" : "mixed";
            report("rule layers, " + name, v, input, rules);
            report("semantic (hashing test embedder), " + name, v, input, semantic);
        }
    }

    private static void report(String label, SafetyValidator v, String input, Set<String> layers) {
        for (int i = 0; i < 3_000; i++) {
            v.validate(input, SafetyLevel.STRICT, layers, null);
        }
        int n = 5_000;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            v.validate(input, SafetyLevel.STRICT, layers, null);
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        System.out.printf(
                Locale.ROOT,
                "%-45s p50 %7.1f us  p90 %7.1f us  p99 %7.1f us  max %8.1f us%n",
                label,
                t[n / 2] / 1e3,
                t[(int) (n * 0.9)] / 1e3,
                t[(int) (n * 0.99)] / 1e3,
                t[n - 1] / 1e3);
    }
}
