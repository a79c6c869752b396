package io.safla.benchmark;

/** Where a benchmark ran: enough to tell whether two reports can be compared. */
public record MachineInfo(int cores, String jvm, String kernel, String embedder) {

    public MachineInfo {
        if (cores < 1 || jvm == null || kernel == null || embedder == null) {
            throw new IllegalArgumentException("cores >= 1, jvm, kernel and embedder are required");
        }
    }

    /** This JVM, with the given kernel and embedder descriptions. */
    public static MachineInfo current(String kernel, String embedder) {
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name", "?") + " " + System.getProperty("java.version", "?"),
                kernel,
                embedder);
    }
}
