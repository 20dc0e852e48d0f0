package io.tweetstream.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.dashboard.kafka.CountsConsumer;
import io.tweetstream.testkit.KafkaBroker;
import io.tweetstream.testkit.WorkDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole dashboard on a real KRaft broker (a child process): counts written by a producer as the
 * Spark job writes them (provisional, then final, then late corrections; and the shapes of earlier
 * jobs), read by the server, and drawn by the page in headless Chromium, driven by
 * {@code src/test/browser/dashboard-grows.mjs} (playwright-core, in a child process) while the test
 * writes more counts and the chart has to grow, then turn final.
 */
class DashboardIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("dashboard.chromium", "/usr/bin/chromium"));
    private static final Path BROWSER_TEST_DIR = Path.of(System.getProperty("dashboard.browserTestDir", "src/test/browser"));
    private static final Path SCREENSHOT = Path.of(System.getProperty("dashboard.screenshot", "target/dashboard-screenshot.png"));
    private static final Path WORK_DIR = Path.of(System.getProperty("dashboard.workDir", "target/dashboard-it"));
    private static final String TOPIC = "tweet-counts";
    private static final List<String> KEYWORDS = List.of("kafka", "spark", "java");
    private static final int FIRST_SECONDS = 60;
    private static final int MORE_SECONDS = 10;
    private static final int ALL_SECONDS = FIRST_SECONDS + MORE_SECONDS;
    /** The lag of a second's first provisional count after its end: what the page shows as "on the chart". */
    private static final long PROVISIONAL_LAG_MS = 180;
    private static final long FINAL_LAG_MS = 15_200;
    /** Late tweets of the last second, in a correction written twice: added once. */
    private static final long LATE = 3;
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static KafkaBroker broker;
    private static DashboardServer server;
    private static KafkaProducer<String, String> producer;
    private static final HttpClient http = HttpClient.newHttpClient();
    /** The first second written, a minute and a half ago so that all of it is recent. */
    private static final long FIRST_WINDOW_MS = (System.currentTimeMillis() / 1000 - 90) * 1000;

    @BeforeAll
    static void startBrokerAndDashboard() throws Exception {
        WorkDirectory.clean(WORK_DIR);
        broker = KafkaBroker.start(WORK_DIR.resolve("broker"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            // Two partitions: the dashboard must read all of them, as it would the Spark job's topic.
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        server = startDashboard(TOPIC);
        await().atMost(STEP).ignoreExceptions().until(() -> get("health").statusCode() == 200);
        producer = new KafkaProducer<>(producerConfig(broker.bootstrapServers()));
    }

    /** Without Chromium the test fails, saying what to install: a skipped browser test would hide a broken page. */
    private static void requireBrowserTools() throws InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("No Chromium at " + CHROMIUM + ": the dashboard's browser test needs it. Install it with "
                    + "`apt-get install -y chromium` (CI does), or point -Ddashboard.chromium=<path> at another build.");
        }
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node --version finishes").isTrue();
        } catch (IOException e) {
            fail("No `node` on the PATH: the dashboard's build and browser test need Node.js 20 or newer", e);
        }
        if (!Files.isDirectory(BROWSER_TEST_DIR.resolve("node_modules/playwright-core"))) {
            fail("playwright-core is not installed in " + BROWSER_TEST_DIR + ": run the build (`npm ci` there) first");
        }
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        if (server != null) {
            server.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void chartDrawsNewCountsAsTheyArriveProvisionalFirstThenFinal() throws Exception {
        requireBrowserTools();
        writeSeconds(0, FIRST_SECONDS);
        // At least once: a second written again; the later count must win.
        producer.send(countRecord(FIRST_WINDOW_MS, "*", 999, 0));
        producer.send(countRecord(FIRST_WINDOW_MS, "*", total(0), 0));
        producer.send(new ProducerRecord<>(TOPIC, "garbage", "{\"window_start\": not json"));
        producer.flush();
        await().atMost(STEP).until(() -> totalPoints().size() == FIRST_SECONDS);

        BrowserScript script = BrowserScript.start(server.uri(), ALL_SECONDS, total(ALL_SECONDS - 1) + LATE);
        JsonNode provisional;
        try {
            assertThat(Integer.parseInt(script.awaitLine("INITIAL_POINTS "))).isEqualTo(FIRST_SECONDS);

            writeProvisionalSeconds(FIRST_SECONDS, MORE_SECONDS);
            // The second after them, still in progress: in the API, not on the chart.
            long inProgress = windowStart(ALL_SECONDS);
            producer.send(secondRecord(TOPIC, ALL_SECONDS, "provisional", 5, -300)).get(30, TimeUnit.SECONDS);
            long writtenNs = System.nanoTime();
            await().atMost(STEP).pollInterval(Duration.ofMillis(20))
                    .until(() -> counts().get("newest_window_start_ms").asLong() == inProgress);
            System.out.printf("[latency] a provisional count was served %d ms after its write%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - writtenNs));
            producer.flush();

            // The page has drawn the provisional seconds (and taken its screenshot): now they turn final.
            script.awaitLine("SCREENSHOT ");
            provisional = counts();
            writeFinalSeconds(FIRST_SECONDS, MORE_SECONDS);
            // Reordered or replayed: a provisional count after the final one, ignored.
            producer.send(secondRecord(TOPIC, FIRST_SECONDS + 5, "provisional", total(FIRST_SECONDS + 5) - 2, 400));
            ProducerRecord<String, String> late = lateRecord(ALL_SECONDS - 1, LATE);
            producer.send(late);
            producer.send(late);
            producer.flush();

            int exit = script.awaitExit();
            assertThat(exit).as("exit status of the browser script; its output:%n%s", script.output()).isZero();
        } finally {
            script.stop();
        }

        String legend = "[\"time\",\"total\",\"java\",\"kafka\",\"spark\"]";
        long lastProvisional = total(ALL_SECONDS - 1) - 2;
        assertThat(script.line("INITIAL_FINAL ")).hasValue(String.valueOf(FIRST_SECONDS));
        assertThat(Integer.parseInt(script.line("GREW_TO ").orElseThrow())).isGreaterThan(FIRST_SECONDS);
        // While provisional: drawn (dashed), not final, the in-progress second not drawn.
        assertThat(script.line("PROVISIONAL_POINTS ")).hasValue(String.valueOf(ALL_SECONDS));
        assertThat(script.line("PROVISIONAL_FINAL ")).hasValue(String.valueOf(FIRST_SECONDS));
        assertThat(script.line("PROVISIONAL_LEGEND ")).hasValue(legend);
        assertThat(script.line("PROVISIONAL_LATEST_TOTAL ")).hasValue(lastProvisional + " tweets/s");
        assertThat(script.line("PROVISIONAL_STATE ")).hasValue("provisional: final ~15 s later");
        assertThat(script.line("PROVISIONAL_LAG ")).hasValue("0.2 s");
        JsonNode provisionalLatest = MAPPER.readTree(script.line("PROVISIONAL_LATEST ").orElseThrow());
        assertThat(provisionalLatest.get("window_start_ms").asLong()).isEqualTo(windowStart(ALL_SECONDS - 1));
        assertThat(provisionalLatest.get("final").asBoolean()).isFalse();
        assertThat(provisionalLatest.get("provisional_lag_ms").asLong()).isEqualTo(PROVISIONAL_LAG_MS);
        // Once final, the late tweets added once.
        assertThat(script.line("END_POINTS ")).hasValue(String.valueOf(ALL_SECONDS));
        assertThat(script.line("END_FINAL ")).hasValue(String.valueOf(ALL_SECONDS));
        assertThat(script.line("DATA_POINTS_ATTRIBUTE ")).hasValue(String.valueOf(ALL_SECONDS));
        assertThat(script.line("DATA_FINAL_POINTS_ATTRIBUTE ")).hasValue(String.valueOf(ALL_SECONDS));
        assertThat(script.line("LEGEND ")).hasValue(legend);
        assertThat(script.line("LATEST_TOTAL ")).hasValue((total(ALL_SECONDS - 1) + LATE) + " tweets/s");
        assertThat(script.line("STATE ")).hasValue("final 15.2 s after its end");
        assertThat(script.line("LAG ")).hasValue("0.2 s");
        assertThat(script.output()).noneMatch(line -> line.startsWith("PAGE_ERROR"));
        assertThat(SCREENSHOT).isRegularFile();
        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertThat(png.length).isGreaterThan(10_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");

        JsonNode provisionalTotals = totalPoints(provisional);
        assertThat(provisionalTotals).hasSize(ALL_SECONDS + 1);
        assertThat(provisionalTotals.get(FIRST_SECONDS - 1).toString())
                .isEqualTo(point(FIRST_SECONDS - 1, total(FIRST_SECONDS - 1), true, 0));
        assertThat(provisionalTotals.get(ALL_SECONDS - 1).toString()).isEqualTo(point(ALL_SECONDS - 1, lastProvisional, false, 0));
        JsonNode totals = totalPoints();
        assertThat(totals.get(0).get(1).asLong()).as("the re-written second's later count").isEqualTo(total(0));
        assertThat(totals.get(FIRST_SECONDS + 5).toString()).as("not downgraded by the provisional count read after it")
                .isEqualTo(point(FIRST_SECONDS + 5, total(FIRST_SECONDS + 5), true, 0));
        assertThat(totals.get(ALL_SECONDS - 1).toString()).isEqualTo(point(ALL_SECONDS - 1, total(ALL_SECONDS - 1) + LATE, true, LATE));
        JsonNode health = MAPPER.readTree(get("health").body());
        assertThat(health.get("records_skipped").asLong()).isEqualTo(1);
        assertThat(health.get("records_outdated").asLong()).isEqualTo(1);
    }

    @Test
    void aDashboardStartedLaterReadsTheRecentCountsBack() throws Exception {
        String topic = "counts-written-before";
        writeSeconds(topic, 0, 5);
        producer.flush();

        try (DashboardServer later = startDashboard(topic)) {
            await().atMost(STEP).until(() -> totalPoints(later).size() == 5);
        }
    }

    @Test
    void waitsForTheTopicAndReadsItOnceTheJobCreatesIt() throws Exception {
        String topic = "counts-not-yet-written";
        try (DashboardServer early = startDashboard(topic)) {
            await().atMost(STEP).until(() -> early.consumerState() == CountsConsumer.State.WAITING_FOR_TOPIC);
            assertThat(get(early, "health").statusCode()).isEqualTo(503);

            // The producer creates the topic, as the Spark job's first write does.
            writeSeconds(topic, 0, 3);
            producer.flush();

            await().atMost(STEP).until(() -> totalPoints(early).size() == 3);
            assertThat(get(early, "health").statusCode()).isEqualTo(200);
        }
    }

    private static DashboardServer startDashboard(String topic) {
        return DashboardServer.start(DashboardSettings.defaults().withBootstrapServers(broker.bootstrapServers()).withTopic(topic).withPort(0));
    }

    /** Final counts for {@code seconds} seconds from the {@code first}-th, in turn in each shape the dashboard reads. */
    private static void writeSeconds(int first, int seconds) {
        writeSeconds(TOPIC, first, seconds);
    }

    private static void writeSeconds(String topic, int first, int seconds) {
        for (int i = first; i < first + seconds; i++) {
            switch (i % 3) {
                case 0 -> {
                    // A row per keyword, as the first jobs wrote them.
                    producer.send(countRecord(topic, windowStart(i), "*", total(i), i));
                    for (String keyword : KEYWORDS) {
                        producer.send(countRecord(topic, windowStart(i), keyword, keywordCount(keyword, total(i)), i));
                    }
                }
                case 1 -> producer.send(secondRecord(topic, i, null, total(i), 1500));
                default -> producer.send(secondRecord(topic, i, "final", total(i), 1500));
            }
        }
    }

    /** As the job writes a second: while in progress, then just after its end, two short of its final count. */
    private static void writeProvisionalSeconds(int first, int seconds) {
        for (int i = first; i < first + seconds; i++) {
            producer.send(secondRecord(TOPIC, i, "provisional", total(i) / 2, -400));
            producer.send(secondRecord(TOPIC, i, "provisional", total(i) - 2, PROVISIONAL_LAG_MS));
        }
    }

    private static void writeFinalSeconds(int first, int seconds) {
        for (int i = first; i < first + seconds; i++) {
            producer.send(secondRecord(TOPIC, i, "final", total(i), FINAL_LAG_MS));
        }
    }

    private static long windowStart(int second) {
        return FIRST_WINDOW_MS + second * 1000L;
    }

    /** A wave between about 25 and 75 tweets a second: something to look at in the screenshot. */
    private static long total(int second) {
        return Math.round(50 + 20 * Math.sin(second / 6.0) + 5 * Math.sin(second * 1.7));
    }

    private static long keywordCount(String keyword, long total) {
        return total * (3 - KEYWORDS.indexOf(keyword)) / 8;
    }

    /** A whole second as the Spark job writes it, under its key; {@code status} null as earlier jobs wrote it. */
    private static ProducerRecord<String, String> secondRecord(String topic, int second, String status, long total, long lagMs) {
        ObjectNode value = window(second);
        if (status != null) {
            value.put("status", status);
        }
        value.put("total", total);
        ObjectNode keywords = value.putObject("keywords");
        for (String keyword : KEYWORDS) {
            keywords.put(keyword, keywordCount(keyword, total));
        }
        value.put("lag_ms", lagMs);
        return new ProducerRecord<>(topic, value.get("window_start").asText(), value.toString());
    }

    /** Late tweets of a second, all of them "kafka" but one, under the key of the batch that saw them. */
    private static ProducerRecord<String, String> lateRecord(int second, long late) {
        long lagMs = 67_000;
        ObjectNode value = window(second).put("status", "late").put("late", late);
        value.putObject("late_keywords").put("kafka", late - 1);
        value.put("lag_ms", lagMs);
        String batch = timestamp(windowStart(second) + 1000 + lagMs, 0);
        return new ProducerRecord<>(TOPIC, value.get("window_start").asText() + " late " + batch, value.toString());
    }

    private static ObjectNode window(int second) {
        return MAPPER.createObjectNode()
                .put("window_start", timestamp(windowStart(second), second))
                .put("window_end", timestamp(windowStart(second) + 1000, second));
    }

    /** A count row of an earlier job; half the records with {@code Z}, half with {@code +00:00}: the dashboard reads both. */
    private static ProducerRecord<String, String> countRecord(long windowStartMs, String keyword, long count, int second) {
        return countRecord(TOPIC, windowStartMs, keyword, count, second);
    }

    private static ProducerRecord<String, String> countRecord(String topic, long windowStartMs, String keyword, long count, int second) {
        String start = timestamp(windowStartMs, second);
        String end = timestamp(windowStartMs + 1000, second);
        String value = String.format("{\"window_start\":\"%s\",\"window_end\":\"%s\",\"keyword\":\"%s\",\"count\":%d,\"lag_ms\":1500}",
                start, end, keyword, count);
        return new ProducerRecord<>(topic, start + "|" + keyword, value);
    }

    private static String timestamp(long epochMs, int second) {
        String pattern = second % 2 == 0 ? "yyyy-MM-dd'T'HH:mm:ss.SSSX" : "yyyy-MM-dd'T'HH:mm:ss.SSSxxx";
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(epochMs));
    }

    /** A point of the API: {@code [window start ms, count, final ? 1 : 0, late]}. */
    private static String point(int second, long count, boolean isFinal, long late) {
        return "[" + windowStart(second) + "," + count + "," + (isFinal ? 1 : 0) + "," + late + "]";
    }

    private static JsonNode counts() throws Exception {
        return MAPPER.readTree(get("api/counts").body());
    }

    private static JsonNode totalPoints() throws Exception {
        return totalPoints(server);
    }

    private static JsonNode totalPoints(DashboardServer dashboard) throws Exception {
        return totalPoints(MAPPER.readTree(get(dashboard, "api/counts").body()));
    }

    private static JsonNode totalPoints(JsonNode counts) {
        for (JsonNode series : counts.get("series")) {
            if (series.get("keyword").asText().equals("*")) {
                return series.get("points");
            }
        }
        return MAPPER.createArrayNode();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return get(server, path);
    }

    private static HttpResponse<String> get(DashboardServer dashboard, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(dashboard.uri().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Properties producerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    /** {@code node dashboard-grows.mjs} in a child process, its output collected line by line. */
    private static final class BrowserScript {

        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private volatile boolean outputEnded;

        private BrowserScript(Process process) {
            this.process = process;
            Thread reader = new Thread(this::read, "browser-script-output");
            reader.setDaemon(true);
            reader.start();
        }

        static BrowserScript start(URI page, int finalPoints, long finalLatestCount) throws IOException {
            Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
            Files.deleteIfExists(SCREENSHOT);
            List<String> command = new ArrayList<>(List.of("node", "dashboard-grows.mjs",
                    "--url", page.toString(),
                    "--screenshot", SCREENSHOT.toAbsolutePath().toString(),
                    "--chromium", CHROMIUM.toString(),
                    "--final-points", String.valueOf(finalPoints),
                    "--final-latest-count", String.valueOf(finalLatestCount),
                    "--step-timeout-ms", String.valueOf(STEP.toMillis())));
            return new BrowserScript(new ProcessBuilder(command)
                    .directory(BROWSER_TEST_DIR.toFile())
                    .redirectErrorStream(true)
                    .start());
        }

        private void read() {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    System.out.println("[browser] " + line);
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output unreadable: " + e + ")");
            } finally {
                outputEnded = true;
            }
        }

        /** The rest of the first line starting with {@code prefix}, once printed; fails fast when the script ends first. */
        String awaitLine(String prefix) {
            await().atMost(STEP.plusSeconds(30))
                    .failFast("the browser script ended before printing " + prefix.strip() + ": " + lines,
                            () -> outputEnded && line(prefix).isEmpty() && line("FAILED").isEmpty())
                    .until(() -> line(prefix).isPresent() || line("FAILED").isPresent());
            return line(prefix).orElseThrow(() -> new AssertionError("the browser script failed: " + lines));
        }

        int awaitExit() throws InterruptedException {
            if (!process.waitFor(STEP.multipliedBy(3).toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the browser script did not finish: " + lines);
            }
            return process.exitValue();
        }

        Optional<String> line(String prefix) {
            return lines.stream().filter(line -> line.startsWith(prefix)).findFirst().map(line -> line.substring(prefix.length()));
        }

        List<String> output() {
            return List.copyOf(lines);
        }

        /** Ends the script and the Chromium it started, if a failure left them running. */
        void stop() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
