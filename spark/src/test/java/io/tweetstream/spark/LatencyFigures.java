package io.tweetstream.spark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures of one {@link LatencyRun}, in ms, from what {@link CountArrivals} saw arrive, what
 * {@link LiveTweets} made and the job's batch durations. A second's lags are taken only for the
 * seconds that began after the first count record arrived: the ones before waited for the job to
 * start (that is the cold start). The totals are checked for every second that got a final count.
 *
 * @param coldStart job start to the first count record
 * @param startup the job's start, for the parts of the cold start
 * @param provisional per second, its first provisional record's arrival less the second's end:
 *     negative when it came while the second was still open
 * @param closedProvisional per second, the arrival of the first provisional record of a batch that
 *     started after the second's end (so covering the whole second as delivered so far), less the end
 * @param finals per second, its final record's arrival less its end
 * @param batches every batch's duration, the first (cold) one included
 * @param phases the median time of each phase of a batch (the first left out), by phase, largest first
 * @param measuredSeconds the seconds that began after the first count record
 * @param withoutProvisional measured seconds that got no provisional record
 * @param finalSeconds the seconds that got a final record
 * @param mismatches the seconds whose final total plus late corrections is not the tweets made in them
 * @param finalWithoutEarlierProvisional seconds whose final record came with no provisional one before it
 * @param provisionalAfterFinal seconds with a provisional record after their final one
 * @param finalTwice seconds with more than one final record
 */
record LatencyFigures(long coldStart, EmbeddedJob.Startup startup, List<Long> provisional,
                      List<Long> closedProvisional, List<Long> finals, List<Long> batches, Map<String, Long> phases,
                      int measuredSeconds, int withoutProvisional, int finalSeconds, List<String> mismatches,
                      int finalWithoutEarlierProvisional, int provisionalAfterFinal, int finalTwice) {

    /** The limits: a provisional count within 1 s of the second's end; the first count within 15 s. */
    static final Duration PROVISIONAL_LIMIT = Duration.ofSeconds(1);
    static final Duration COLD_START_LIMIT = Duration.ofSeconds(15);

    static LatencyFigures of(EmbeddedJob.Startup startup, long firstRecordAt, Map<Long, CountArrivals.Second> seconds,
                             Map<Long, Long> made, List<Map<String, Long>> batches) {
        List<CountArrivals.Second> measured = made.keySet().stream().filter(start -> start >= firstRecordAt)
            .map(start -> seconds.getOrDefault(start, CountArrivals.Second.none(start)))
            .toList();
        List<String> mismatches = new ArrayList<>();
        List<CountArrivals.Second> withFinal = seconds.values().stream().filter(s -> s.finals() > 0).toList();
        for (CountArrivals.Second s : withFinal) {
            long tweets = made.getOrDefault(s.start(), 0L);
            if (s.finalTotal() + s.lateTotal() != tweets) {
                mismatches.add(String.format(Locale.ROOT, "%s: %d made, final %d + late %d",
                    Instant.ofEpochMilli(s.start()), tweets, s.finalTotal(), s.lateTotal()));
            }
        }
        return new LatencyFigures(firstRecordAt - startup.startedAt(), startup,
            lags(measured, CountArrivals.Second::firstProvisionalAt),
            lags(measured, CountArrivals.Second::closedProvisionalAt),
            lags(measured, CountArrivals.Second::finalAt),
            batches.stream().map(phases -> phases.get("triggerExecution")).toList(),
            phaseMedians(batches.stream().skip(1).toList()),
            measured.size(),
            (int) measured.stream().filter(s -> s.firstProvisionalAt() == null).count(),
            withFinal.size(),
            mismatches,
            (int) withFinal.stream().filter(s -> !s.provisionalBeforeFinal()).count(),
            (int) seconds.values().stream().filter(CountArrivals.Second::provisionalAfterFinal).count(),
            (int) withFinal.stream().filter(s -> s.finals() > 1).count());
    }

    private static List<Long> lags(List<CountArrivals.Second> seconds, Function<CountArrivals.Second, Long> arrival) {
        return seconds.stream().filter(s -> arrival.apply(s) != null).map(s -> arrival.apply(s) - s.end())
            .sorted().toList();
    }

    private static Map<String, Long> phaseMedians(List<Map<String, Long>> batches) {
        Map<String, Long> medians = new LinkedHashMap<>();
        batches.stream().flatMap(phases -> phases.keySet().stream()).distinct()
            .filter(phase -> !phase.equals("triggerExecution"))
            .map(phase -> Map.entry(phase,
                percentile(batches.stream().map(phases -> phases.getOrDefault(phase, 0L)).sorted().toList(), 50)))
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .forEach(median -> medians.put(median.getKey(), median.getValue()));
        return medians;
    }

    /** The nearest-rank percentile of sorted values ({@code p} in 0..100). */
    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            throw new IllegalStateException("no values");
        }
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The figures beside their limits, a line each. */
    List<String> lines() {
        List<Long> steadyBatches = batches.stream().skip(1).sorted().toList();
        long withinLimit = provisional.stream().filter(lag -> lag <= PROVISIONAL_LIMIT.toMillis()).count();
        return List.of(
            String.format(Locale.ROOT, "  %-58s %7s                              limit %4s  %s",
                "cold start (job start to first count record)", s(coldStart), s(COLD_START_LIMIT.toMillis()),
                coldStart <= COLD_START_LIMIT.toMillis() ? "ok" : "OVER"),
            String.format(Locale.ROOT, "  %-58s session %s, query start %s, first batch to its first record %s",
                "  of which", s(startup.sessionAt() - startup.startedAt()), s(startup.queryAt() - startup.sessionAt()),
                s(startup.startedAt() + coldStart - startup.queryAt())),
            String.format(Locale.ROOT, "  %-58s %s  limit %4s  %d of %d seconds within",
                "provisional lag (first provisional arrival - second's end)", spread(provisional),
                s(PROVISIONAL_LIMIT.toMillis()), withinLimit, measuredSeconds),
            String.format(Locale.ROOT, "  %-58s %s",
                "  first provisional of a batch started after the end", spread(closedProvisional)),
            String.format(Locale.ROOT, "  %-58s %s  (lateness 15 s + a batch)",
                "final lag (final arrival - second's end)", spread(finals)),
            String.format(Locale.ROOT, "  %-58s %s  (%d batches; the first: %s)",
                "batch duration (progress triggerExecution, first left out)", spread(steadyBatches), batches.size(),
                batches.isEmpty() ? "-" : s(batches.get(0))),
            String.format(Locale.ROOT, "  %-58s %s", "  median by phase", phases.entrySet().stream()
                .map(phase -> phase.getKey() + " " + s(phase.getValue())).collect(Collectors.joining(", "))),
            String.format(Locale.ROOT, "  %-58s %d mismatches of %d final seconds%s",
                "final + late totals == tweets made in the second", mismatches.size(), finalSeconds,
                mismatches.isEmpty() ? "" : ": " + String.join("; ", mismatches.stream().limit(5).toList())),
            String.format(Locale.ROOT, "  %-58s %d without provisional, %d final without provisional before,"
                    + " %d provisional after final, %d final twice",
                "order (" + measuredSeconds + " measured seconds)", withoutProvisional, finalWithoutEarlierProvisional,
                provisionalAfterFinal, finalTwice));
    }

    private static String spread(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return String.format(Locale.ROOT, "%-38s", "no values");
        }
        return String.format(Locale.ROOT, "p50 %6s p90 %6s p99 %6s max %6s (%d)", s(percentile(sorted, 50)),
            s(percentile(sorted, 90)), s(percentile(sorted, 99)), s(sorted.get(sorted.size() - 1)), sorted.size());
    }

    private static String s(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1e3);
    }
}
