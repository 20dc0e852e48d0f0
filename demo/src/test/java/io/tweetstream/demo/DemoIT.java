package io.tweetstream.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tweetstream.simulator.SentTweet;
import io.tweetstream.testkit.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo for a bounded time, on free ports, with the simulator delivering out of order as X does:
 * it prints each second provisionally soon after it ends and finally later, each once and in order,
 * and every final total (with any late tweets) equals the tweets the simulator created in that
 * second and sent; the chart page answers, and stopping leaves no process.
 */
class DemoIT {

    /** How many of the latest seconds the provisional delay is taken over. */
    private static final int RECENT = 5;
    private static final Duration LOOSE_PROVISIONAL_DELAY = Duration.ofSeconds(4);

    @Test
    void countsArriveAndMatchWhatTheSimulatorSent() throws Exception {
        DemoOptions.Builder builder = new DemoOptions.Builder();
        builder.repository = Path.of("..");
        builder.workDir = Path.of("target", "demo-work");
        builder.clean = true;
        builder.tweetsPerSecond = 25;
        builder.kafkaPort = FreePorts.next();
        builder.connectPort = FreePorts.next();
        builder.simulatorPort = FreePorts.next();
        builder.dashboardPort = FreePorts.next();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        Map<Instant, Map<String, Long>> finals;
        Map<Instant, Long> late;
        Map<Long, Long> madePerSecond;
        List<Instant> provisionalOrder;
        List<Instant> finalOrder;
        List<Duration> provisionalAfterEnd;
        List<Duration> caughtUp;
        try (Demo demo = new Demo(builder.build(), out)) {
            demo.start();
            await().atMost(Duration.ofMinutes(4)).until(() -> demo.counts().finalCounts().size() >= 8);
            // Once the job has caught up with the seconds made before it ran (on a loaded machine,
            // a minute or more), each second's provisional count comes soon after the second ends.
            // Taken before the browser starts, which loads the machine more.
            caughtUp = await().atMost(Duration.ofMinutes(4)).until(() -> demo.counts().provisionalAfterEnd(),
                delays -> recentMedian(delays).filter(median -> median.compareTo(LOOSE_PROVISIONAL_DELAY) < 0).isPresent());

            String chartUrl = "http://127.0.0.1:" + builder.dashboardPort + "/";
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(chartUrl)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            String browser = chartInChromium(chartUrl);
            assertThat(browser).as(browser).contains("INITIAL_POINTS", "GREW_TO", "SCREENSHOT").doesNotContain("PAGE_ERROR");
            finals = Map.copyOf(demo.counts().finalCounts());
            late = Map.copyOf(demo.counts().lateTotals());
            provisionalOrder = demo.counts().provisionalOrder();
            finalOrder = demo.counts().finalOrder();
            provisionalAfterEnd = demo.counts().provisionalAfterEnd();
            System.out.println("DemoIT: the first count line came " + demo.counts().firstLineAfter().orElseThrow()
                + " after \"Everything runs\"; provisional counts printed after their second's end: " + provisionalAfterEnd);
            madePerSecond = demo.simulator().sentTweets().stream()
                .collect(Collectors.groupingBy(t -> t.createdAt().getEpochSecond(), Collectors.counting()));
        }

        String log = printed.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("[6/6] Live chart", "Tweets per second", "provisional", "final", "Stopped.");
        assertThat(finals).hasSizeGreaterThanOrEqualTo(8);
        // Whole seconds, each once and in order, provisionally then finally.
        assertThat(provisionalOrder).as(log).doesNotHaveDuplicates().isSorted();
        assertThat(finalOrder).as(log).doesNotHaveDuplicates().isSorted().hasSize(finals.size());
        // The simulator delivers up to 10 s late, out of order: the final count (with what came
        // later still) is every tweet created in the second.
        assertThat(finals).allSatisfy((start, counts) -> assertThat(counts.get(CountsPrinter.TOTAL) + late.getOrDefault(start, 0L))
            .as("tweets created in the second starting %s\n%s", start, log)
            .isEqualTo(madePerSecond.getOrDefault(start.getEpochSecond(), 0L)));
        // On the terminal soon after the second's end, once caught up. Loosely: the target is 1 s,
        // which the Spark module's latency benchmark measures; a loaded machine runs all five
        // parts on two cores.
        assertThat(recentMedian(caughtUp)).as("median provisional delay of the last %d seconds: %s",
            RECENT, caughtUp).hasValueSatisfying(median -> assertThat(median).isLessThan(LOOSE_PROVISIONAL_DELAY));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
        // The Spark job's class-data archive: made as this run's job stopped, or by an earlier run.
        assertThat(log).contains("class-data archive");
        try (var archives = Files.list(Path.of("..", "spark", "target", "class-data"))) {
            assertThat(archives.map(file -> file.getFileName().toString()))
                .as(log).anyMatch(name -> name.startsWith("spark-job-") && name.endsWith(".jsa"));
        }
    }

    /** The median of the last {@value #RECENT} delays, if there are that many. */
    private static Optional<Duration> recentMedian(List<Duration> delays) {
        if (delays.size() < RECENT) {
            return Optional.empty();
        }
        return Optional.of(delays.subList(delays.size() - RECENT, delays.size()).stream().sorted().toList().get(RECENT / 2));
    }

    /**
     * Opens the live chart in headless Chromium with the dashboard module's browser script, which
     * waits for data points, then for more as the pipeline counts on, and takes a screenshot
     * ({@code demo/target/demo-chart.png}). Returns the script's output.
     */
    private static String chartInChromium(String url) throws Exception {
        Path script = Path.of("..", "dashboard", "src", "test", "browser").toAbsolutePath().normalize();
        Process node = new ProcessBuilder("node", "dashboard-grows.mjs", "--url", url,
            "--screenshot", Path.of("target", "demo-chart.png").toAbsolutePath().toString(),
            "--step-timeout-ms", "90000")
            .directory(script.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(4, java.util.concurrent.TimeUnit.MINUTES)).as("the browser script ends").isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        return output;
    }
}
