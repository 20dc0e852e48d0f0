package io.tweetstream.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * How soon the job publishes each second's counts with live tweets, beside the limits (a
 * provisional count within 1 s of the second's end, the first count within 15 s of the job's
 * start): {@link LatencyRun} with {@code [tweets/s]} (default 200) for {@code [seconds]} after its first count (default
 * 60), each tweet delivered after an X-like delay (median 1 s, P99 6.5 s, cap 10 s), then the cold
 * start, the provisional, final and batch times and the check that every final second adds up.
 * Not a test: run it from the repository root with
 * <pre>mvn -B -pl spark -am test-compile exec:exec@latency -Dexec.skip -Dexec.executable=java -Dexec.args="200 60"</pre>
 * which builds the testkit and the simulator in the reactor ({@code -Dexec.skip} and
 * {@code -Dexec.executable} only quiet the exec goal of those modules, which have no
 * {@code latency} execution; the spark module's sets both), or, once they are installed, with
 * {@code mvn -B -pl spark test-compile exec:exec@latency -Dexec.args="200 60"}. About 90 s with the
 * defaults.
 */
public final class CountLatencyBenchmark {

    private CountLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int perSecond = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        String loadBefore = loadAverage();
        LatencyFigures figures = LatencyRun.run(Path.of("target", "latency").toAbsolutePath(), perSecond, duration);
        System.out.println();
        System.out.printf("Latency of the job, %s, local[2], %d tweets/s for %d s with X-like delivery delays,"
                + " trigger 250 ms, lateness 15 s; %d cores, load average %s before, %s after:%n",
            Instant.now(), perSecond, duration.toSeconds(), Runtime.getRuntime().availableProcessors(), loadBefore,
            loadAverage());
        figures.lines().forEach(System.out::println);
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "unknown". */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
