package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes one v2 stream from start to end: tweets from its source at the configured rate (with bursts) up to
 * the per-stream maximum, a bare CRLF after each silence of the keep-alive interval, nothing at all while
 * a stall is injected, and X's operational-disconnect message before ending when one is injected. Runs
 * on the thread of the HTTP exchange.
 */
public final class V2StreamSession {

    /** X's message before it ends a stream for operational reasons. */
    public static final String OPERATIONAL_DISCONNECT = "{\"errors\":[{\"title\":\"operational-disconnect\","
            + "\"disconnect_type\":\"UpstreamOperationalDisconnect\",\"detail\":\"This stream has been disconnected "
            + "upstream for operational reasons.\",\"type\":\"https://api.twitter.com/2/problems/operational-disconnect\"}]}";

    private static final Logger log = LoggerFactory.getLogger(V2StreamSession.class);

    private final ConnectionState connection;
    private final V2TweetSource source;
    private final SimulatorSettings settings;
    private final MessageSink sink;
    private final StreamLedger ledger;
    private final V2Controls controls;

    public V2StreamSession(ConnectionState connection, V2TweetSource source, SimulatorSettings settings, MessageSink sink,
                           StreamLedger ledger, V2Controls controls) {
        this.connection = connection;
        this.source = source;
        this.settings = settings;
        this.sink = sink;
        this.ledger = ledger;
        this.controls = controls;
    }

    /** Writes the stream until it ends; never throws. */
    public EndReason run() {
        long generation = controls.disconnectGeneration();
        long keepAliveNanos = settings.keepAliveInterval().toNanos();
        long startNanos = System.nanoTime();
        TweetSchedule schedule = new TweetSchedule(startNanos, settings.tweetsPerSecond(), new TweetSchedule.Burst(
                settings.burstEvery().toNanos(), settings.burstLength().toNanos(), settings.burstFactor()));
        long lastWriteNanos = startNanos;
        try {
            while (!controls.isClosed()) {
                if (controls.disconnectGeneration() != generation) {
                    sink.send(OPERATIONAL_DISCONNECT);
                    return EndReason.OPERATIONAL_DISCONNECT;
                }
                long now = System.nanoTime();
                long silentUntil = controls.silentUntil(startNanos, now);
                if (silentUntil != now) {
                    controls.await(silentUntil - now, generation);
                    continue;
                }
                boolean moreTweets = connection.tweetsSent() < settings.maxTweetsPerConnection();
                if (moreTweets && schedule.isDue(now)) {
                    if (sendTweet()) {
                        lastWriteNanos = System.nanoTime();
                    }
                    schedule.advance(now);
                } else if (now - lastWriteNanos >= keepAliveNanos) {
                    sink.keepAlive();
                    lastWriteNanos = now;
                } else {
                    long wakeAt = lastWriteNanos + keepAliveNanos;
                    if (moreTweets && schedule.nextDueNanos() - wakeAt < 0) {
                        wakeAt = schedule.nextDueNanos();
                    }
                    controls.await(wakeAt - now, generation);
                }
            }
            return EndReason.SIMULATOR_CLOSED;
        } catch (IOException e) {
            log.debug("Stream {} write failed: {}", connection.id(), e.toString());
            return controls.isClosed() ? EndReason.SIMULATOR_CLOSED : EndReason.CLIENT_GONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EndReason.SIMULATOR_CLOSED;
        } catch (RuntimeException e) {
            log.error("Stream {} failed to make a message; closing it", connection.id(), e);
            return EndReason.SIMULATOR_ERROR;
        }
    }

    private boolean sendTweet() throws IOException {
        Instant now = Instant.now();
        Optional<V2Message> next = source.next(now);
        if (next.isEmpty()) {
            return false;
        }
        V2Message message = next.get();
        sink.send(message.json());
        ledger.tweetSent(connection, new SentTweet(connection.id(), message.tweetId(), message.authorId(), message.json(),
                message.injectedTerms(), now, message.matchingRules()));
        return true;
    }
}
