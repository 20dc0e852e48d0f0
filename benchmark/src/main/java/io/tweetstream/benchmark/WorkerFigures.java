package io.tweetstream.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * What {@link WorkerBenchmark} measured over its window.
 *
 * @param setup            what was measured: the stream, tasks, workers and rate
 * @param appended         tweets appended to the topic in the window, each matched to its send time
 * @param unmatched        tweets appended in the window whose send time was no longer in the simulator's history
 * @param simulatorSent    tweets the simulator wrote to the connections in the window
 * @param simulatorDropped tweets it made but dropped because a connection read too slowly
 * @param latency          from the moment the simulator made a tweet to the broker's append
 * @param workerCpuNanos   CPU time of each worker's process in the window
 * @param brokerCpuNanos   CPU time of the broker's process in the window
 * @param workerPeakRss    peak resident set of each worker's process (VmHWM), start-up included
 * @param brokerPeakRss    the same for the broker
 */
public record WorkerFigures(String setup, double seconds, long appended, long unmatched, long simulatorSent,
        long simulatorDropped, Latencies.Summary latency, List<Long> workerCpuNanos, long brokerCpuNanos,
        List<Long> workerPeakRss, long brokerPeakRss) {

    public WorkerFigures {
        workerCpuNanos = List.copyOf(workerCpuNanos);
        workerPeakRss = List.copyOf(workerPeakRss);
    }

    public double tweetsPerSecond() {
        return appended / seconds;
    }

    public double simulatorSentPerSecond() {
        return simulatorSent / seconds;
    }

    /** All the workers' CPU per 1,000 tweets appended, in milliseconds. */
    public double workerCpuMillisPerThousand() {
        return perThousand(workerCpuNanos.stream().mapToLong(Long::longValue).sum());
    }

    public double brokerCpuMillisPerThousand() {
        return perThousand(brokerCpuNanos);
    }

    private double perThousand(long cpuNanos) {
        return appended == 0 ? Double.NaN : cpuNanos / 1e6 / (appended / 1000.0);
    }

    @Override
    public String toString() {
        StringBuilder workers = new StringBuilder();
        for (int i = 0; i < workerCpuNanos.size(); i++) {
            workers.append(String.format(Locale.ROOT, "%n  worker %d CPU per 1k tweets     : %.1f ms (%.2f cores busy);"
                    + " peak RSS (VmHWM) %,d MiB", i + 1, perThousand(workerCpuNanos.get(i)),
                    workerCpuNanos.get(i) / 1e9 / seconds, workerPeakRss.get(i) >> 20));
        }
        return String.format(Locale.ROOT, """
                Plugin on a worker cluster and broker (%s), measured over %.1f s
                  tweets/s appended to the topic : %,.0f  (%,d tweets; %,d not matched to a send time)
                  simulator sent/s               : %,.0f  (dropped for a slow reader: %,d)
                  latency made -> appended       : %s""",
                setup, seconds, tweetsPerSecond(), appended, unmatched, simulatorSentPerSecond(), simulatorDropped,
                latency) + workers + String.format(Locale.ROOT,
                "%n  broker CPU per 1k tweets       : %.1f ms (%.2f cores busy); peak RSS %,d MiB",
                brokerCpuMillisPerThousand(), brokerCpuNanos / 1e9 / seconds, brokerPeakRss >> 20);
    }
}
