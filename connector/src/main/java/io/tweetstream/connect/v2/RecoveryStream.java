package io.tweetstream.connect.v2;

import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamStats;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refills a gap in the filtered stream with X's Recovery (Enterprise): a connection with
 * {@code start_time} and {@code end_time} re-streams the tweets of that period that match the app's
 * rules, then ends (filtered-stream/integrate/recovery-and-redundancy-features.mdx). Its lines go
 * through the stream's handler, marked as recovered; a connection that breaks is opened again for
 * the same period, the overlap being dropped by id.
 */
final class RecoveryStream {

    private static final Logger log = LoggerFactory.getLogger(RecoveryStream.class);
    private static final int MAX_ATTEMPTS = 3;

    private final XApiClient client;
    private final V2Endpoint stream;
    private final V2MessageHandler handler;
    private final StreamStats stats;
    private final ConnectPacer pacer;
    private final ScheduledExecutorService watchdog;
    private final XApiStream.Settings settings;
    private final SearchRecovery.Sleeper sleeper;
    private volatile InputStream body;

    RecoveryStream(XApiClient client, V2Endpoint stream, V2MessageHandler handler, StreamStats stats,
            ConnectPacer pacer, ScheduledExecutorService watchdog, XApiStream.Settings settings,
            SearchRecovery.Sleeper sleeper) {
        this.client = client;
        this.stream = stream;
        this.handler = handler;
        this.stats = stats;
        this.pacer = pacer;
        this.watchdog = watchdog;
        this.settings = settings;
        this.sleeper = sleeper;
    }

    /** Re-streams the tweets made in {@code window}; false when X would not, so that another tool may. */
    boolean refill(GapPlan.Window window) throws InterruptedException {
        // X takes whole seconds: from the second the gap began, to the second after it ends.
        Instant start = window.from().truncatedTo(ChronoUnit.SECONDS);
        Instant end = window.to().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String path = stream.pathAndQuery("start_time=" + start + "&end_time=" + end);
        long recoveredBefore = stats.get(StreamCounter.RECOVERED);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Duration wait = pacer.waitBeforeConnect(Instant.now());
            if (!wait.isZero()) {
                sleeper.sleep(wait);
            }
            try {
                if (readToTheEnd(path)) {
                    stats.increment(StreamCounter.GAPS_REFILLED);
                    log.info("Recovery re-streamed the tweets made from {} to {}: {} of this task's share", start, end,
                            stats.get(StreamCounter.RECOVERED) - recoveredBefore);
                    return true;
                }
                return false;
            } catch (IOException e) {
                log.warn("The Recovery stream for {} to {} broke ({}); attempt {} of {}", start, end, e.toString(),
                        attempt, MAX_ATTEMPTS);
                sleeper.sleep(Duration.ofMillis(settings.networkBackoffMs() * attempt));
            }
        }
        return false;
    }

    /** True when X streamed the period to its end; false when it refused the request. */
    private boolean readToTheEnd(String path) throws IOException, InterruptedException {
        Duration headersTimeout = Duration.ofMillis((long) settings.connectTimeoutMs() + settings.readTimeoutMs());
        pacer.attempted(Instant.now());
        HttpResponse<InputStream> response = client.openStream(path, headersTimeout);
        pacer.observed(RateLimit.of(response.headers()), Instant.now());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                log.warn("X refused the Recovery stream (HTTP {}): {}", response.statusCode(),
                        XApiClient.parse(in.readNBytes(64 * 1024)).describe());
                return false;
            }
            body = in;
            LineReader lines = new LineReader(in, XApiStream.MAX_MESSAGE_BYTES);
            ScheduledFuture<?> stallCheck = watchdog.scheduleAtFixedRate(() -> {
                if (lines.waitingForNanos() > TimeUnit.MILLISECONDS.toNanos(settings.readTimeoutMs())) {
                    close();
                }
            }, 1, 1, TimeUnit.SECONDS);
            try {
                byte[] line;
                while ((line = nextLine(lines)) != null) {
                    if (line.length > 0) {
                        BudgetReached.stopIfReached(handler.handle(line, true), "a Post budget is reached");
                    }
                }
                return true;
            } finally {
                stallCheck.cancel(false);
                body = null;
            }
        }
    }

    private byte[] nextLine(LineReader lines) throws IOException {
        while (true) {
            try {
                return lines.next();
            } catch (LineReader.OversizedLineException e) {
                stats.increment(StreamCounter.SKIPPED_MESSAGES);
                log.warn("Recovery stream: {}", e.getMessage());
            }
        }
    }

    /** Ends a read in progress at once: the stream is closing, or stalled. */
    void close() {
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                log.debug("Closing the Recovery stream: {}", e.toString());
            }
        }
    }
}
