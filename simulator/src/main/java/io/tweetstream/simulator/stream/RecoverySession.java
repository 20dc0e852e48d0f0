package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.billing.AppBilling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Writes one Recovery stream (x-api/posts/filtered-stream/integrate/recovery-and-redundancy-features.mdx): the tweets
 * of a past period, oldest first, as fast as the client reads (or at {@link SimulatorSettings#recoveryTweetsPerSecond()}),
 * then the end of the body, as X ends a Recovery stream once it has re-streamed the period. Faults apply between two
 * messages as on a live stream; keep-alives fill a paced stream's silences. Posts are billed as on a live stream
 * ({@link BillingEnd}). Runs on the thread of the HTTP exchange.
 */
public final class RecoverySession {

    private static final Logger log = LoggerFactory.getLogger(RecoverySession.class);

    private final ConnectionState connection;
    private final Deque<V2Tweet> tweets;
    private final FaultInbox faults;
    private final Function<V2Tweet, String> messages;
    private final SimulatorSettings settings;
    private final MessageSink sink;
    private final StreamLedger ledger;
    private final V2Controls controls;
    private final AppBilling billing;

    /** @param tweets the period's tweets matching the app's rules, oldest first, with those rules as matching_rules */
    public RecoverySession(ConnectionState connection, List<V2Tweet> tweets, FaultInbox faults,
                           Function<V2Tweet, String> messages, SimulatorSettings settings, MessageSink sink,
                           StreamLedger ledger, V2Controls controls, AppBilling billing) {
        this.billing = billing;
        this.connection = connection;
        this.tweets = new ArrayDeque<>(tweets);
        this.faults = faults;
        this.messages = messages;
        this.settings = settings;
        this.sink = sink;
        this.ledger = ledger;
        this.controls = controls;
    }

    /** Writes the stream until its period is sent or it ends otherwise; never throws. */
    public EndReason run() {
        double rate = settings.recoveryTweetsPerSecond();
        long periodNanos = rate > 0 ? (long) (TimeUnit.SECONDS.toNanos(1) / rate) : 0;
        long keepAliveNanos = settings.v2KeepAliveInterval().toNanos();
        long start = System.nanoTime();
        long lastWrite = start;
        long sent = 0;
        try {
            while (!controls.isClosed()) {
                long now = System.nanoTime();
                StreamFault fault = faults.next(now);
                if (fault != null) {
                    EndReason end = FaultEffects.apply(fault, connection, sink, ledger, this::nextMessage);
                    if (end != null) {
                        return end;
                    }
                    lastWrite = System.nanoTime();
                    continue;
                }
                long silentUntil = faults.silentUntil(now);
                if (silentUntil != now) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(silentUntil - now, TimeUnit.MILLISECONDS.toNanos(50)));
                    continue;
                }
                if (tweets.isEmpty()) {
                    sink.end();
                    return EndReason.COMPLETED;
                }
                EndReason refused = BillingEnd.endIfRefused(billing, sink);
                if (refused != null) {
                    return refused;
                }
                long due = start + sent * periodNanos;
                if (due - now > 0) {
                    if (now - lastWrite >= keepAliveNanos) {
                        sink.keepAlive();
                        lastWrite = now;
                    }
                    TimeUnit.NANOSECONDS.sleep(Math.min(due - now, TimeUnit.MILLISECONDS.toNanos(50)));
                    continue;
                }
                if (!billing.bill(tweets.peek().id())) {
                    return BillingEnd.end(billing, sink);
                }
                send(tweets.poll());
                sent++;
                lastWrite = System.nanoTime();
            }
            return EndReason.SIMULATOR_CLOSED;
        } catch (IOException e) {
            log.debug("Recovery stream {} write failed: {}", connection.id(), e.toString());
            return controls.isClosed() ? EndReason.SIMULATOR_CLOSED : EndReason.CLIENT_GONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EndReason.SIMULATOR_CLOSED;
        } catch (RuntimeException e) {
            log.error("Recovery stream {} failed to write a message; closing it", connection.id(), e);
            return EndReason.SIMULATOR_ERROR;
        }
    }

    private String nextMessage() {
        V2Tweet tweet = tweets.poll();
        return tweet == null ? null : messages.apply(tweet);
    }

    private void send(V2Tweet tweet) throws IOException {
        String json = messages.apply(tweet);
        sink.send(json);
        ledger.tweetSent(connection, new SentTweet(connection.id(), tweet.id(), tweet.authorId(), json,
                tweet.injectedTerms(), tweet.createdAt(), tweet.deliveredAt(), tweet.matchingRules(),
                connection.partition()));
    }
}
