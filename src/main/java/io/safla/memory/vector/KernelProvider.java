package io.safla.memory.vector;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the {@link VectorKernel} once per JVM: Panama SIMD if {@code jdk.incubator.vector} is in the boot layer
 * and the kernel loads, scalar otherwise. {@code -Dsafla.vector.impl=scalar|panama|auto} forces a choice
 * ({@code panama} still falls back, with a reason, if the module is missing).
 *
 * <p>Implementation notes: the choice lives in a lazy holder class (Lucene/jvector {@code VectorizationProvider}
 * idiom), so it is made on first use and never again. {@link PanamaKernel} is loaded by class name so that no
 * bytecode referencing the incubator module is linked when the module is absent.
 */
public final class KernelProvider {

    public static final String PROPERTY = "safla.vector.impl";
    static final String PANAMA_CLASS = "io.safla.memory.vector.PanamaKernel";
    private static final String MODULE = "jdk.incubator.vector";

    private KernelProvider() {}

    /** The kernel chosen for this JVM. */
    public static VectorKernel kernel() {
        return Holder.SELECTION.kernel();
    }

    /** One line naming the active kernel and why it was chosen, for the health panel and logs. */
    public static String describe() {
        return Holder.SELECTION.describe();
    }

    /** The full start-up choice. */
    public static Selection selection() {
        return Holder.SELECTION;
    }

    /** The Panama kernel if it can be loaded in this JVM, regardless of the property; for tests and benchmarks. */
    public static Optional<VectorKernel> panamaIfAvailable() {
        Selection s = select("panama");
        return s.kernel() instanceof ScalarKernel ? Optional.empty() : Optional.of(s.kernel());
    }

    /** Makes a choice for the given property value ({@code null} means auto); does not touch the cached one. */
    static Selection select(String requested) {
        String mode = requested == null ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "scalar":
                return new Selection(new ScalarKernel(), PROPERTY + "=scalar");
            case "auto":
            case "panama":
                break;
            default:
                return new Selection(new ScalarKernel(), "unknown " + PROPERTY + "='" + requested + "'");
        }
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return new Selection(
                    new ScalarKernel(),
                    MODULE + " not in boot layer (start the JVM with --add-modules " + MODULE + ")");
        }
        try {
            VectorKernel k = (VectorKernel)
                    Class.forName(PANAMA_CLASS).getDeclaredConstructor().newInstance();
            // Touch the species once so that an unsupported CPU fails here, not in the first search.
            k.dot(new float[64], new float[64]);
            return new Selection(k, mode.equals("panama") ? PROPERTY + "=panama" : "auto: " + MODULE + " present");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // a bad -Dsafla.vector.float-bits surfaces as an ExceptionInInitializerError whose cause says what is wrong
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            return new Selection(new ScalarKernel(), "Panama kernel failed to load: " + reason);
        }
    }

    /** The kernel and a one-line reason. */
    public record Selection(VectorKernel kernel, String reason) {
        public Selection {
            if (kernel == null || reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("kernel and reason are required");
            }
        }

        public String describe() {
            return "vector kernel " + kernel.name() + " (" + reason + ")";
        }
    }

    private static final class Holder {
        static final Selection SELECTION = select(System.getProperty(PROPERTY));

        static {
            System.getLogger(KernelProvider.class.getName()).log(Level.INFO, SELECTION.describe());
        }
    }
}
