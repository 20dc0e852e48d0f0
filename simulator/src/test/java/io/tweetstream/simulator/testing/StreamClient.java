package io.tweetstream.simulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.StreamSimulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A test client of the simulator's filter stream over real HTTP (the JDK's HttpClient). A daemon thread
 * reads the body and splits it into CRLF-terminated lines, so that tests can wait for lines with a deadline.
 */
public final class StreamClient implements AutoCloseable {

    public static final String OAUTH = "OAuth oauth_consumer_key=\"test-consumer\", oauth_nonce=\"n\", "
            + "oauth_signature=\"s%3D\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1\", "
            + "oauth_token=\"t\", oauth_version=\"1.0\"";
    public static final Duration DEADLINE = Duration.ofSeconds(5);

    /**
     * One line of the body; {@code text} is empty for a keep-alive, {@code bytes} are the line's exact bytes (without
     * the CRLF), {@code receivedAt} when its end was read. At the end, {@code end} is set, with the failure that ended
     * the body, or none for a clean end.
     */
    public record Line(String text, boolean end, Throwable failure, byte[] bytes, Instant receivedAt) {
        public boolean isKeepAlive() {
            return !end && text.isEmpty();
        }
    }

    private final InputStream body;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();

    private StreamClient(InputStream body) {
        this.body = body;
        Thread reader = new Thread(this::readLines, "test-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(DEADLINE).build();
    }

    /** POSTs a form to the filter endpoint with the given Authorization header (none when null). */
    public static HttpRequest filterRequest(StreamSimulator simulator, String form, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.v1BaseUrl() + "statuses/filter.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    /** Opens a stream as Twitter4j would (OAuth header, form body) and checks it was accepted. */
    public static StreamClient open(StreamSimulator simulator, String form) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http().send(filterRequest(simulator, form, OAUTH),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("status of the filter request").isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return new StreamClient(response.body());
    }

    /** Reads a stream body already opened by other means (the v2 client). */
    public static StreamClient over(InputStream body) {
        return new StreamClient(body);
    }

    /** The next line, waiting up to {@link #DEADLINE}; fails the test if none comes. */
    public Line nextLine() throws InterruptedException {
        return nextLine(DEADLINE);
    }

    /** The next line, waiting up to {@code timeout}; fails the test if none comes. */
    public Line nextLine(Duration timeout) throws InterruptedException {
        Line line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            fail("no line from the stream within " + timeout);
        }
        return line;
    }

    /** The next {@code count} messages that are not keep-alives, parsed; fails if the stream ends first. */
    public List<JsonNode> nextMessages(int count) throws InterruptedException {
        List<JsonNode> messages = new ArrayList<>();
        while (messages.size() < count) {
            Line line = nextLine();
            assertThat(line.end()).as("stream ended after %s messages", messages.size()).isFalse();
            if (!line.isKeepAlive()) {
                messages.add(Json.parse(line.text()));
            }
        }
        return messages;
    }

    /** The next {@code count} statuses, skipping notices and keep-alives. */
    public List<JsonNode> nextStatuses(int count) throws InterruptedException {
        List<JsonNode> statuses = new ArrayList<>();
        while (statuses.size() < count) {
            JsonNode message = nextMessages(1).get(0);
            if (message.has("text")) {
                statuses.add(message);
            }
        }
        return statuses;
    }

    /**
     * Waits for the end of the body, skipping what comes before it. The end has no failure for a clean end
     * of the chunked body, and the exception for a broken connection; empty if it did not come in time.
     */
    public Optional<Line> awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Line line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.end()) {
                return Optional.ofNullable(line);
            }
        }
    }

    /**
     * Reads to the end of the body, waiting up to {@code timeout} for each line: the text of its last line that is
     * not a keep-alive (null for none). Fails unless the chunked body ended cleanly.
     */
    public String lastLineBeforeCleanEnd(Duration timeout) throws InterruptedException {
        String last = null;
        Line line;
        while (!(line = nextLine(timeout)).end()) {
            if (!line.isKeepAlive()) {
                last = line.text();
            }
        }
        if (line.failure() != null) {
            throw new AssertionError("The chunked body did not end cleanly", line.failure());
        }
        return last;
    }

    /** Hangs up: closes the body, which closes the connection. */
    @Override
    public void close() throws IOException {
        body.close();
    }

    private void readLines() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean afterCr = false;
        try {
            int read;
            while ((read = body.read(buffer)) >= 0) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (afterCr && b == '\n') {
                        lines.add(new Line(line.toString(StandardCharsets.UTF_8), false, null, line.toByteArray(),
                                Instant.now()));
                        line.reset();
                        afterCr = false;
                        continue;
                    }
                    if (afterCr) {
                        line.write('\r');
                    }
                    afterCr = b == '\r';
                    if (!afterCr) {
                        line.write(b);
                    }
                }
            }
            finish(null);
        } catch (IOException e) {
            finish(e);
        }
    }

    private void finish(Throwable failure) {
        lines.add(new Line("", true, failure, new byte[0], Instant.now()));
    }
}
