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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo for a bounded time, on free ports: it prints each second once, in order, and every
 * per-second total it prints equals the number of tweets the simulator sent in that second; the
 * chart page answers, and stopping leaves no process.
 */
class DemoIT {

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

        Map<Instant, Map<String, Long>> windows;
        Map<Long, Long> sentPerSecond;
        List<Instant> printOrder;
        try (Demo demo = new Demo(builder.build(), out)) {
            demo.start();
            await().atMost(Duration.ofMinutes(3)).until(() -> demo.counts().printedWindows().size() >= 8);

            String chartUrl = "http://127.0.0.1:" + builder.dashboardPort + "/";
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(chartUrl)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            String browser = chartInChromium(chartUrl);
            assertThat(browser).as(browser).contains("INITIAL_POINTS", "GREW_TO", "SCREENSHOT").doesNotContain("PAGE_ERROR");
            windows = Map.copyOf(demo.counts().printedWindows());
            printOrder = demo.counts().printOrder();
            System.out.println("DemoIT: the first count line came " + demo.counts().firstLineAfter().orElseThrow()
                + " after \"Everything runs\"");
            sentPerSecond = demo.simulator().sentTweets().stream()
                .collect(Collectors.groupingBy(t -> t.sentAt().getEpochSecond(), Collectors.counting()));
        }

        String log = printed.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("[6/6] Live chart", "Tweets per second", "total", "Stopped.");
        assertThat(windows).hasSizeGreaterThanOrEqualTo(6);
        // Whole seconds, each once, in order: every second's line is final when printed.
        assertThat(printOrder).as(log).doesNotHaveDuplicates().isSorted().hasSize(windows.size());
        assertThat(windows).allSatisfy((start, counts) -> assertThat(counts.get(CountsPrinter.TOTAL))
            .as("tweets created in the second starting %s\n%s", start, log)
            .isEqualTo(sentPerSecond.getOrDefault(start.getEpochSecond(), 0L)));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
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
