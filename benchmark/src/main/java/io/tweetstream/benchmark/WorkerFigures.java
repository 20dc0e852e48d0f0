package io.tweetstream.benchmark;

import java.util.Locale;

/**
 * What {@link WorkerBenchmark} measured over its window.
 *
 * @param appended         tweets appended to the topic in the window, each matched to its send time
 * @param unmatched        tweets appended in the window whose send time was no longer in the simulator's history
 * @param simulatorSent    tweets the simulator wrote to the connection in the window
 * @param simulatorDropped tweets it made but dropped because the connection read too slowly
 * @param latency          from the moment the simulator made a tweet to the broker's append
 * @param workerCpuNanos   CPU time of the worker's process in the window
 * @param brokerCpuNanos   CPU time of the broker's process in the window
 * @param workerPeakRss    peak resident set of the worker's process (VmHWM), start-up included
 * @param brokerPeakRss    the same for the broker
 */
public record WorkerFigures(double seconds, long appended, long unmatched, long simulatorSent, long simulatorDropped,
        Latencies.Summary latency, long workerCpuNanos, long brokerCpuNanos, long workerPeakRss, long brokerPeakRss) {

    public double tweetsPerSecond() {
        return appended / seconds;
    }

    public double simulatorSentPerSecond() {
        return simulatorSent / seconds;
    }

    public double workerCpuMillisPerThousand() {
        return appended == 0 ? Double.NaN : workerCpuNanos / 1e6 / (appended / 1000.0);
    }

    public double brokerCpuMillisPerThousand() {
        return appended == 0 ? Double.NaN : brokerCpuNanos / 1e6 / (appended / 1000.0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, """
                Plugin on a worker and broker (v2, one task), measured over %.1f s
                  tweets/s appended to the topic : %,.0f  (%,d tweets; %,d not matched to a send time)
                  simulator sent/s               : %,.0f  (dropped for a slow reader: %,d)
                  latency made -> appended       : %s
                  worker CPU per 1k tweets       : %.1f ms (%.2f cores busy); broker %.1f ms (%.2f cores)
                  worker peak RSS (VmHWM)        : %,d MiB (broker %,d MiB)""",
                seconds, tweetsPerSecond(), appended, unmatched, simulatorSentPerSecond(), simulatorDropped, latency,
                workerCpuMillisPerThousand(), workerCpuNanos / 1e9 / seconds, brokerCpuMillisPerThousand(),
                brokerCpuNanos / 1e9 / seconds, workerPeakRss >> 20, brokerPeakRss >> 20);
    }
}
