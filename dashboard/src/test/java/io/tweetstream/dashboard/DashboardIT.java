package io.tweetstream.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Spark job writes them, read by the server, and drawn by the page in headless Chromium, driven by
 * {@code src/test/browser/dashboard-grows.mjs} (playwright-core, in a child process) while the test
 * writes more counts and the chart has to grow.
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
    void chartDrawsNewCountsAsTheyArrive() throws Exception {
        requireBrowserTools();
        writeSeconds(0, FIRST_SECONDS);
        // At least once: a second written again; the later count must win.
        producer.send(countRecord(FIRST_WINDOW_MS, "*", 999, 1));
        producer.send(countRecord(FIRST_WINDOW_MS, "*", total(0), 1));
        producer.send(new ProducerRecord<>(TOPIC, "garbage", "{\"window_start\": not json"));
        producer.flush();
        await().atMost(STEP).until(() -> totalPoints().size() == FIRST_SECONDS);

        BrowserScript script = BrowserScript.start(server.uri(), FIRST_SECONDS + MORE_SECONDS);
        try {
            String initial = script.awaitLine("INITIAL_POINTS ");
            assertThat(Integer.parseInt(initial)).isEqualTo(FIRST_SECONDS);

            writeSeconds(FIRST_SECONDS, MORE_SECONDS);
            producer.flush();

            int exit = script.awaitExit();
            assertThat(exit).as("exit status of the browser script; its output:%n%s", script.output()).isZero();
        } finally {
            script.stop();
        }

        assertThat(Integer.parseInt(script.line("GREW_TO ").orElseThrow())).isGreaterThan(FIRST_SECONDS);
        assertThat(script.line("FINAL_POINTS ")).hasValue(String.valueOf(FIRST_SECONDS + MORE_SECONDS));
        assertThat(script.line("DATA_POINTS_ATTRIBUTE ")).hasValue(String.valueOf(FIRST_SECONDS + MORE_SECONDS));
        assertThat(script.line("LEGEND ")).hasValue("[\"time\",\"total\",\"java\",\"kafka\",\"spark\"]");
        assertThat(script.line("LATEST_TOTAL ")).hasValue(total(FIRST_SECONDS + MORE_SECONDS - 1) + " tweets/s");
        assertThat(script.line("LAG ")).hasValue("1.5 s");
        assertThat(script.output()).noneMatch(line -> line.startsWith("PAGE_ERROR"));
        assertThat(SCREENSHOT).isRegularFile();
        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertThat(png.length).isGreaterThan(10_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");

        assertThat(totalPoints().get(0).get(1).asLong()).as("the re-written second's later count").isEqualTo(total(0));
        JsonNode health = MAPPER.readTree(get("health").body());
        assertThat(health.get("records_skipped").asLong()).isEqualTo(1);
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

    /** Counts for {@code seconds} seconds from the {@code first}-th, as the Spark job writes them. */
    private static void writeSeconds(int first, int seconds) {
        writeSeconds(TOPIC, first, seconds);
    }

    private static void writeSeconds(String topic, int first, int seconds) {
        for (int i = first; i < first + seconds; i++) {
            long windowStart = FIRST_WINDOW_MS + i * 1000L;
            producer.send(countRecord(topic, windowStart, "*", total(i), i));
            for (int k = 0; k < KEYWORDS.size(); k++) {
                producer.send(countRecord(topic, windowStart, KEYWORDS.get(k), total(i) * (3 - k) / 8, i));
            }
        }
    }

    /** A wave between about 25 and 75 tweets a second: something to look at in the screenshot. */
    private static long total(int second) {
        return Math.round(50 + 20 * Math.sin(second / 6.0) + 5 * Math.sin(second * 1.7));
    }

    /** Half the records with {@code Z}, half with {@code +00:00}: the dashboard reads both. */
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

    private static JsonNode totalPoints() throws Exception {
        return totalPoints(server);
    }

    private static JsonNode totalPoints(DashboardServer dashboard) throws Exception {
        JsonNode counts = MAPPER.readTree(get(dashboard, "api/counts").body());
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

        static BrowserScript start(URI page, int finalPoints) throws IOException {
            Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
            Files.deleteIfExists(SCREENSHOT);
            List<String> command = new ArrayList<>(List.of("node", "dashboard-grows.mjs",
                    "--url", page.toString(),
                    "--screenshot", SCREENSHOT.toAbsolutePath().toString(),
                    "--chromium", CHROMIUM.toString(),
                    "--final-points", String.valueOf(finalPoints),
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
