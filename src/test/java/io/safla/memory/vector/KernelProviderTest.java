package io.safla.memory.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class KernelProviderTest {

    private static final boolean MODULE_PRESENT =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    @Test
    void select_scalarForced_returnsScalarWithReason() {
        KernelProvider.Selection s = KernelProvider.select("scalar");

        assertThat(s.kernel()).isInstanceOf(ScalarKernel.class);
        assertThat(s.reason()).contains("safla.vector.impl=scalar");
    }

    @Test
    void select_unknownValue_fallsBackToScalarAndSaysSo() {
        KernelProvider.Selection s = KernelProvider.select("gpu");

        assertThat(s.kernel()).isInstanceOf(ScalarKernel.class);
        assertThat(s.reason()).contains("unknown", "gpu");
    }

    @Test
    void select_auto_usesPanamaExactlyWhenModulePresent() {
        KernelProvider.Selection s = KernelProvider.select(null);

        if (MODULE_PRESENT) {
            assertThat(s.kernel().getClass().getName()).isEqualTo(KernelProvider.PANAMA_CLASS);
            assertThat(s.describe()).contains("panama(", "auto");
        } else {
            assertThat(s.kernel()).isInstanceOf(ScalarKernel.class);
            assertThat(s.reason()).contains("not in boot layer");
        }
    }

    @Test
    void describe_namesActiveKernel() {
        assertThat(KernelProvider.describe())
                .startsWith("vector kernel ")
                .contains(KernelProvider.kernel().name());
    }

    @Test
    void floatSpecies_default_capsThePreferredWidthAt256Bits() throws Exception {
        assumeTrue(MODULE_PRESENT, "Panama kernel needs jdk.incubator.vector");
        String preferred = floatSpecies("preferred");
        String expected = preferred.contains("S_128_BIT") ? "S_128_BIT" : "S_256_BIT";

        assertThat(floatSpecies(null)).contains("float", expected);
        assertThat(floatSpecies(" ")).contains(expected);
    }

    @Test
    void floatSpecies_explicitWidth_isUsedWhenTheMachineHasIt() throws Exception {
        assumeTrue(MODULE_PRESENT, "Panama kernel needs jdk.incubator.vector");

        assertThat(floatSpecies("128")).contains("S_128_BIT");
        if (floatSpecies("preferred").contains("S_512_BIT")) {
            assertThat(floatSpecies("512")).contains("S_512_BIT");
        } else {
            assertThatThrownBy(() -> floatSpecies("512"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("exceeds");
        }
    }

    @Test
    void floatSpecies_unknownWidth_isRefusedWithTheAllowedValues() {
        assumeTrue(MODULE_PRESENT, "Panama kernel needs jdk.incubator.vector");

        assertThatThrownBy(() -> floatSpecies("64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("safla.vector.float-bits must be 128, 256, 512 or preferred");
    }

    @Test
    void select_panamaThatFailsToInitialise_namesTheCauseNotJustTheError() throws Exception {
        assumeTrue(MODULE_PRESENT, "Panama kernel needs jdk.incubator.vector");
        // A fresh class loader initialises PanamaKernel again, here with an invalid width.
        String previous = System.getProperty("safla.vector.float-bits");
        System.setProperty("safla.vector.float-bits", "64");
        try (var loader = new java.net.URLClassLoader(
                new java.net.URL[] {
                    KernelProvider.class.getProtectionDomain().getCodeSource().getLocation()
                },
                ClassLoader.getPlatformClassLoader())) {
            Class<?> provider = Class.forName(KernelProvider.class.getName(), true, loader);
            Method select = provider.getDeclaredMethod("select", String.class);
            select.setAccessible(true);
            Object selection = select.invoke(null, "panama");
            String described =
                    (String) selection.getClass().getMethod("describe").invoke(selection);

            assertThat(described)
                    .startsWith("vector kernel scalar")
                    .contains("safla.vector.float-bits must be 128, 256, 512 or preferred, got '64'");
        } finally {
            if (previous == null) {
                System.clearProperty("safla.vector.float-bits");
            } else {
                System.setProperty("safla.vector.float-bits", previous);
            }
        }
    }

    /** By reflection, so that this class still loads (and the test skips) without the incubator module. */
    private static String floatSpecies(String requested) throws Exception {
        Method m = Class.forName(KernelProvider.PANAMA_CLASS).getDeclaredMethod("floatSpecies", String.class);
        m.setAccessible(true);
        try {
            return m.invoke(null, requested).toString();
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }
}
