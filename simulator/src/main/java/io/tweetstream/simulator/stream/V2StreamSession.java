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
 * a drop, clean end, reset or X's operational disconnect, which end it; {@link FeedSession}). Each Post is billed to the app just before it
 * is written; once the app's credit is spent or its cap reached, the body ends after the last Post paid for
 * ({@link BillingEnd}). Runs on the thread of the HTTP exchange.
 */
public final class V2StreamSession extends FeedSession<V2Tweet> {

    /** X's message before it ends a stream for operational reasons. */
    public static final String OPERATIONAL_DISCONNECT = "{\"errors\":[{\"title\":\"operational-disconnect\","
            + "\"disconnect_type\":\"UpstreamOperationalDisconnect\",\"detail\":\"This stream has been disconnected "
            + "upstream for operational reasons.\",\"type\":\"https://api.twitter.com/2/problems/operational-disconnect\"}]}";

    private static final Logger log = LoggerFactory.getLogger(V2StreamSession.class);

    private final ConnectionFeed feed;
    private final Function<V2Tweet, String> messages;
    private final StreamLedger ledger;
    private final AppBilling billing;

    /** @param messages writes a tweet as this connection's message (its fields, expansions, matching rules) */
    public V2StreamSession(ConnectionFeed feed, FaultInbox faults, Function<V2Tweet, String> messages,
                           SimulatorSettings settings, MessageSink sink, StreamLedger ledger, V2Controls controls,
                           AppBilling billing) {
        super(feed, faults, settings, sink, ledger, controls, log, "Stream");
        this.billing = billing;
        this.feed = feed;
        this.messages = messages;
        this.ledger = ledger;
    }

    @Override
    EndReason endBeforeNext() throws IOException {
        return BillingEnd.endIfRefused(billing, sink());
    }

    @Override
    EndReason write(V2Tweet tweet) throws IOException {
        return send(tweet) ? null : BillingEnd.end(billing, sink());
    }

    @Override
    String message(V2Tweet tweet) {
        return messages.apply(tweet);
    }

    /** Writes {@code tweet}, billed; {@code false} when the app may not be billed for it (nothing is written). */
    private boolean send(V2Tweet tweet) throws IOException {
        ConnectionState connection = feed.connection();
        boolean post = tweet.recorded() == null || tweet.recorded().has("data");
        if (post && !billing.bill(tweet.id())) {
            return false;
        }
        String json = messages.apply(tweet);
        sink().send(json);
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
