package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.SentNotice;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.billing.AppBilling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;

/**
 * Writes one v2 connection from start to end: the tweets its {@link ConnectionFeed} gets from the endpoint's
 * {@link V2Broadcast}, each rendered as this connection asked for it; a bare CRLF after each silence of the
 * keep-alive interval; and the faults delivered to its {@link FaultInbox} (nothing at all during a stall; bad lines;
 * a drop, clean end, reset or X's operational disconnect, which end it). Each Post is billed to the app just before it
 * is written; once the app's credit is spent or its cap reached, the body ends after the last Post paid for
 * ({@link BillingEnd}). Runs on the thread of the HTTP exchange.
 */
public final class V2StreamSession {

    /** X's message before it ends a stream for operational reasons. */
    public static final String OPERATIONAL_DISCONNECT = "{\"errors\":[{\"title\":\"operational-disconnect\","
            + "\"disconnect_type\":\"UpstreamOperationalDisconnect\",\"detail\":\"This stream has been disconnected "
            + "upstream for operational reasons.\",\"type\":\"https://api.twitter.com/2/problems/operational-disconnect\"}]}";

    private static final Logger log = LoggerFactory.getLogger(V2StreamSession.class);

    private final ConnectionFeed feed;
    private final FaultInbox faults;
    private final Function<V2Tweet, String> messages;
    private final SimulatorSettings settings;
    private final MessageSink sink;
    private final StreamLedger ledger;
    private final V2Controls controls;
    private final AppBilling billing;

    /** @param messages writes a tweet as this connection's message (its fields, expansions, matching rules) */
    public V2StreamSession(ConnectionFeed feed, FaultInbox faults, Function<V2Tweet, String> messages,
                           SimulatorSettings settings, MessageSink sink, StreamLedger ledger, V2Controls controls,
                           AppBilling billing) {
        this.billing = billing;
        this.feed = feed;
        this.faults = faults;
        this.messages = messages;
        this.settings = settings;
        this.sink = sink;
        this.ledger = ledger;
        this.controls = controls;
    }

    /** Writes the stream until it ends; never throws. */
    public EndReason run() {
        long keepAliveNanos = settings.v2KeepAliveInterval().toNanos();
        long lastWriteNanos = System.nanoTime();
        try {
            while (!controls.isClosed()) {
                long now = System.nanoTime();
                StreamFault fault = faults.next(now);
                if (fault != null) {
                    EndReason end = FaultEffects.apply(fault, feed.connection(), sink, ledger, this::nextMessage);
                    if (end != null) {
                        return end;
                    }
                    lastWriteNanos = System.nanoTime();
                    continue;
                }
                long silentUntil = faults.silentUntil(now);
                if (silentUntil != now) {
                    feed.silenceUntil(silentUntil);
                    feed.await(silentUntil - now);
                    continue;
                }
                EndReason refused = BillingEnd.endIfRefused(billing, sink);
                if (refused != null) {
                    return refused;
                }
                V2Tweet tweet = feed.poll();
                if (tweet != null) {
                    if (!send(tweet)) {
                        return BillingEnd.end(billing, sink);
                    }
                    lastWriteNanos = System.nanoTime();
                } else if (now - lastWriteNanos >= keepAliveNanos) {
                    sink.keepAlive();
                    lastWriteNanos = now;
                } else {
                    feed.await(lastWriteNanos + keepAliveNanos - now);
                }
            }
            return EndReason.SIMULATOR_CLOSED;
        } catch (IOException e) {
            log.debug("Stream {} write failed: {}", feed.connection().id(), e.toString());
            return controls.isClosed() ? EndReason.SIMULATOR_CLOSED : EndReason.CLIENT_GONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EndReason.SIMULATOR_CLOSED;
        } catch (RuntimeException e) {
            log.error("Stream {} failed to write a message; closing it", feed.connection().id(), e);
            return EndReason.SIMULATOR_ERROR;
        }
    }

    /** The next tweet waiting, as this connection would get it; {@code null} (a keep-alive) when none waits. */
    private String nextMessage() {
        V2Tweet tweet = feed.poll();
        return tweet == null ? null : messages.apply(tweet);
    }

    /** Writes {@code tweet}, billed; {@code false} when the app may not be billed for it (nothing is written). */
    private boolean send(V2Tweet tweet) throws IOException {
        ConnectionState connection = feed.connection();
        boolean post = tweet.recorded() == null || tweet.recorded().has("data");
        if (post && !billing.bill(tweet.id())) {
            return false;
        }
        String json = messages.apply(tweet);
        sink.send(json);
        if (!post) {
            ledger.noticeSent(new SentNotice(connection.id(), SentNotice.Kind.REPLAYED_LINE, json, Instant.now()));
            return true;
        }
        ledger.tweetSent(connection, new SentTweet(connection.id(), tweet.id(), tweet.authorId(), json,
                tweet.injectedTerms(), tweet.createdAt(), tweet.deliveredAt(), tweet.matchingRules(),
                connection.partition()));
        return true;
    }
}
