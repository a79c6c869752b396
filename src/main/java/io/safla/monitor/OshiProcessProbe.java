package io.safla.monitor;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** {@link ProcessProbe} over OSHI. One instance per sampler: CPU load is measured between successive calls. */
public final class OshiProcessProbe implements ProcessProbe {

    private final OperatingSystem os;
    private final GlobalMemory memory;
    private final CentralProcessor processor;
    private final int pid;
    private long[] previousTicks;

    public OshiProcessProbe() {
        SystemInfo info = new SystemInfo();
        this.os = info.getOperatingSystem();
        this.memory = info.getHardware().getMemory();
        this.processor = info.getHardware().getProcessor();
        this.pid = os.getProcessId();
        this.previousTicks = processor.getSystemCpuLoadTicks();
    }

    @Override
    public long residentBytes() {
        OSProcess process = os.getProcess(pid);
        return process == null ? -1 : process.getResidentMemory();
    }

    @Override
    public long systemMemoryTotalBytes() {
        return memory.getTotal();
    }

    @Override
    public long systemMemoryAvailableBytes() {
        return memory.getAvailable();
    }

    @Override
    public synchronized double systemCpuLoad() {
        double load = processor.getSystemCpuLoadBetweenTicks(previousTicks);
        previousTicks = processor.getSystemCpuLoadTicks();
        return load;
    }

    @Override
    public double loadAverage() {
        double[] averages = processor.getSystemLoadAverage(1);
        return averages.length == 0 ? -1 : averages[0];
    }

    @Override
    public int logicalProcessors() {
        return processor.getLogicalProcessorCount();
    }
}
