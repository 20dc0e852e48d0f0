package io.tweetstream.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads what a process has used from Linux's {@code /proc}: its peak resident set ({@code VmHWM}) and
 * its CPU time ({@code utime + stime}); and, for this JVM, the peak of its heap.
 */
final class ProcessMeter {

    /** USER_HZ: the unit of utime and stime in /proc/<pid>/stat, 100 on every Linux this runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final long NANOS_PER_TICK = 1_000_000_000L / CLOCK_TICKS_PER_SECOND;

    private ProcessMeter() {}

    /** The peak resident set size of the process, in bytes ({@code VmHWM} of /proc/<pid>/status). */
    static long peakRssBytes(long pid) {
        for (String line : lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                String kilobytes = line.substring("VmHWM:".length()).trim().split("\\s+")[0];
                return Long.parseLong(kilobytes) * 1024;
            }
        }
        throw new IllegalStateException("No VmHWM in /proc/" + pid + "/status");
    }

    /** CPU time the process has used so far, user and system, in nanoseconds (10 ms resolution). */
    static long cpuNanos(long pid) {
        String stat = String.join(" ", lines(Path.of("/proc", String.valueOf(pid), "stat")));
        // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) * NANOS_PER_TICK;
    }

    /**
     * The process's command line, word by word, from /proc/<pid>/cmdline (ProcessHandle's may be cut
     * short); empty when the process is gone.
     */
    static java.util.List<String> commandLine(long pid) {
        try {
            String cmdline = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"));
            return java.util.List.of(cmdline.split("\0"));
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    /** CPU time this JVM has used so far, in nanoseconds, as the JVM itself counts it. */
    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The sum of the peak usage of this JVM's heap pools since it started or since {@link #resetPeaks()}.
     * The pools peak at different moments, so this is an upper bound of the peak heap in use.
     */
    static long ownPeakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Starts the heap pools' peaks afresh, e.g. at the start of a measured window. */
    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long ownPid() {
        return ProcessHandle.current().pid();
    }

    private static java.util.List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " (this measures Linux processes only)", e);
        }
    }
}
