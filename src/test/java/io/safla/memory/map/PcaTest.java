package io.safla.memory.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    /** Points spread along a known unit axis (variance 25) with small isotropic noise (variance 0.01). */
    private static List<float[]> alongAxis(double[] axis, int n, long seed) {
        Random random = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double t = random.nextGaussian() * 5;
            float[] v = new float[axis.length];
            for (int j = 0; j < axis.length; j++) {
                v[j] = (float) (3 + t * axis[j] + random.nextGaussian() * 0.1);
            }
            out.add(v);
        }
        return out;
    }

    private static double[] unit(double... v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        double[] out = v.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] /= Math.sqrt(norm);
        }
        return out;
    }

    @Test
    void firstComponent_isTheKnownPrincipalAxis_andExplainsMostVariance() {
        double[] axis = unit(1, 2, -2, 0.5, 0, 1, 3, -1);
        Pca.Result r = Pca.project(alongAxis(axis, 2000, 42), 2);

        double alignment = 0;
        for (int j = 0; j < axis.length; j++) {
            alignment += r.components()[0][j] * axis[j];
        }
        assertThat(Math.abs(alignment)).isGreaterThan(0.999);
        assertThat(r.variances()[0]).isCloseTo(25, within(2.5));
        assertThat(r.explained(0)).isGreaterThan(0.95);
        assertThat(r.variances()[1]).isLessThan(0.02);
    }

    @Test
    void components_areOrthonormal_andCoordinatesAreCentredProjections() {
        Random random = new Random(7);
        List<float[]> data = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // anisotropic: variances 16, 4, 1, 0.25 along the coordinate axes
            data.add(new float[] {
                (float) (random.nextGaussian() * 4),
                (float) (random.nextGaussian() * 2),
                (float) random.nextGaussian(),
                (float) (random.nextGaussian() * 0.5)
            });
        }
        Pca.Result r = Pca.project(data, 2);

        double[] a = r.components()[0];
        double[] b = r.components()[1];
        assertThat(dot(a, a)).isCloseTo(1, within(1e-9));
        assertThat(dot(b, b)).isCloseTo(1, within(1e-9));
        assertThat(dot(a, b)).isCloseTo(0, within(1e-9));
        assertThat(Math.abs(a[0])).isGreaterThan(0.99);
        assertThat(Math.abs(b[1])).isGreaterThan(0.99);
        double meanX = r.coordinates().length == 0
                ? 0
                : java.util.Arrays.stream(r.coordinates())
                        .mapToDouble(c -> c[0])
                        .average()
                        .orElseThrow();
        assertThat(meanX).isCloseTo(0, within(1e-9));
        double sampleVariance = java.util.Arrays.stream(r.coordinates())
                        .mapToDouble(c -> c[0] * c[0])
                        .sum()
                / 299;
        assertThat(sampleVariance).isCloseTo(r.variances()[0], within(1e-6));
    }

    @Test
    void isDeterministic_andSignIsFixed() {
        List<float[]> data = alongAxis(unit(0, -1, -1), 100, 3);
        Pca.Result first = Pca.project(data, 2);
        Pca.Result again = Pca.project(data, 2);

        assertThat(again.coordinates()).isDeepEqualTo(first.coordinates());
        double[] c = first.components()[0];
        int largest = Math.abs(c[1]) >= Math.abs(c[2]) ? 1 : 2;
        assertThat(c[largest]).isPositive();
    }

    @Test
    void identicalVectors_projectToTheOrigin_withoutNaN() {
        Pca.Result r = Pca.project(List.of(new float[] {1, 2}, new float[] {1, 2}, new float[] {1, 2}), 2);

        for (double[] c : r.coordinates()) {
            assertThat(c).containsExactly(0.0, 0.0);
        }
        assertThat(r.explained(0)).isZero();
    }

    @Test
    void rejectsBadInput_withAClearMessage() {
        assertThatThrownBy(() -> Pca.project(List.of(), 2)).hasMessageContaining("no vectors");
        assertThatThrownBy(() -> Pca.project(List.of(new float[] {1, 2}, new float[] {1}), 1))
                .hasMessageContaining("vector 1 has 1 dimensions");
        assertThatThrownBy(() -> Pca.project(List.of(new float[] {Float.NaN, 1}), 1))
                .hasMessageContaining("non-finite");
        assertThatThrownBy(() -> Pca.project(List.of(new float[] {1, 2}), 3)).hasMessageContaining("k must be");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
