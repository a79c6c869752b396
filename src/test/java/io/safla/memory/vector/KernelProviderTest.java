package io.safla.memory.vector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KernelProviderTest {

    private static final boolean MODULE_PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

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
        assertThat(KernelProvider.describe()).startsWith("vector kernel ").contains(KernelProvider.kernel().name());
    }
}
