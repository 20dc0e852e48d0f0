package io.tweetstream.benchmark;

import java.util.Locale;

/**
 * What {@link TaskBenchmark} measured over its window.
 *
 * @param tweets            records the task handed over in the window
 * @param simulatorSent     tweets the simulator wrote to the stream in the window
 * @param simulatorDropped  v2 tweets the simulator made but dropped because the task read too slowly
 * @param cpuNanos          CPU time of this JVM (the task, its stream threads, GC, JIT) in the window
 * @param simulatorCpuNanos CPU time of the simulator's JVM in the window
 * @param peakHeapBytes     the sum of the heap pools' peaks in the window
 * @param maxHeapBytes      the heap's limit (-Xmx)
 * @param peakRssBytes      the peak resident set of this JVM over the whole run
 * @param latency           v2: from the moment the simulator made a tweet to the poll that returned it;
 *                          null on v1.1, whose created_at has whole seconds only
 */
public record TaskFigures(String api, double seconds, long tweets, long simulatorSent, long simulatorDropped,
        long cpuNanos, long simulatorCpuNanos, long peakHeapBytes, long maxHeapBytes, long peakRssBytes,
        Latencies.Summary latency) {

    public double tweetsPerSecond() {
        return tweets / seconds;
    }

    public double simulatorSentPerSecond() {
        return simulatorSent / seconds;
    }

    /** Milliseconds of CPU this JVM spent per 1,000 tweets handed over. */
    public double cpuMillisPerThousand() {
        return tweets == 0 ? Double.NaN : cpuNanos / 1e6 / (tweets / 1000.0);
    }

    public double simulatorCpuMillisPerThousand() {
        return simulatorSent == 0 ? Double.NaN : simulatorCpuNanos / 1e6 / (simulatorSent / 1000.0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, """
                One task (api %s), measured over %.1f s
                  tweets/s handed to the worker : %,.0f  (%,d tweets)
                  simulator sent/s              : %,.0f  (dropped for a slow reader: %,d)
                  CPU per 1k tweets             : %.1f ms (this JVM: task, stream threads, GC, JIT); simulator %.1f ms
                  CPU cores busy                : task JVM %.2f, simulator %.2f
                  peak heap (sum of pool peaks) : %,d MiB of %,d MiB max
                  peak RSS (VmHWM)              : %,d MiB
                  latency made -> polled        : %s""",
                api, seconds, tweetsPerSecond(), tweets, simulatorSentPerSecond(), simulatorDropped,
                cpuMillisPerThousand(), simulatorCpuMillisPerThousand(),
                cpuNanos / 1e9 / seconds, simulatorCpuNanos / 1e9 / seconds,
                peakHeapBytes >> 20, maxHeapBytes >> 20, peakRssBytes >> 20,
                latency == null ? "n/a (v1.1: created_at has whole seconds)" : latency);
    }
}
