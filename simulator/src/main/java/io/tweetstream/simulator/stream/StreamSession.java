package io.tweetstream.simulator.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.AppliedFault;
import io.tweetstream.simulator.SentDelete;
import io.tweetstream.simulator.SentLimitNotice;
import io.tweetstream.simulator.SentNotice;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.generate.Dice;
import io.tweetstream.simulator.generate.GeneratedTweet;
import io.tweetstream.simulator.generate.TweetGenerator;
import io.tweetstream.simulator.replay.RecordedLine;
import io.tweetstream.simulator.replay.ReplayCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes one stream from start to end: statuses at the configured rate up to the per-stream maximum (or the lines of
 * a recording, at its pace), a delete, limit, withheld, scrub_geo or stall-warning notice after every n-th status, a
 * keep-alive after each silence of the keep-alive interval, and the faults delivered to its {@link FaultInbox}
 * (nothing at all during a stall, and no statuses made for it; bad lines and notices; a drop, clean end, reset or
 * {@code disconnect} message, which end it), until the client goes away or the simulator closes. With a
 * {@link io.tweetstream.simulator.DeliveryDelay}, each generated status waits from its creation until its delivery is
 * due, so statuses overtake each other; the notices that follow every n-th status follow its delivery, and a status
 * whose delivery falls in a stall is lost with the stall. Runs on the thread of the HTTP exchange.
 */
public final class StreamSession {

    private static final Logger log = LoggerFactory.getLogger(StreamSession.class);
    private static final int MAX_UNDELIVERED_STEP = 50;

    private final ConnectionState connection;
    private final FaultInbox faults;
    private final Wakeup wakeup;
    private final TweetGenerator generator;
    private final SimulatorSettings settings;
    private final MessageSink sink;
    private final StreamLedger ledger;
    private final ShutdownSignal shutdown;
    private final ObjectMapper mapper;
    private final Dice noticeDice;
    private final RecentStatuses recent = new RecentStatuses();
    private final ReplayCursor replay;
    private final SplittableRandom delays;
    private final DelayLine<DueStatus> held = new DelayLine<>();
    private long undelivered;

    /** A status made, to be written at {@code deliveredAt}. */
    private record DueStatus(GeneratedTweet tweet, Instant createdAt, Instant deliveredAt) {
    }

    /**
     * @param wakeup     what the session waits on between messages; woken by a fault delivered to {@code faults}
     *                   and by the simulator's close
     * @param noticeDice chooses deleted statuses and limit counts, apart from the generator's dice so that
     *                   notices do not change which tweets are made
     * @param replay     the recording to send instead of generated statuses; {@code null} to generate them
     * @param delays     draws the delivery delays of the generated statuses
     */
    public StreamSession(ConnectionState connection, FaultInbox faults, Wakeup wakeup, TweetGenerator generator,
                         SimulatorSettings settings, MessageSink sink, StreamLedger ledger, ShutdownSignal shutdown,
                         ObjectMapper mapper, Dice noticeDice, ReplayCursor replay, SplittableRandom delays) {
        this.replay = replay;
        this.delays = delays;
        this.connection = connection;
        this.faults = faults;
        this.wakeup = wakeup;
        this.generator = generator;
        this.settings = settings;
        this.sink = sink;
        this.ledger = ledger;
        this.shutdown = shutdown;
        this.mapper = mapper;
        this.noticeDice = noticeDice;
    }

    /** Writes the stream until it ends; never throws. */
    public EndReason run() {
        long keepAliveNanos = settings.keepAliveInterval().toNanos();
        long startNanos = System.nanoTime();
        Pace schedule = replay != null ? replay : new TweetSchedule(startNanos, settings.tweetsPerSecond(),
                new TweetSchedule.Burst(settings.burstEvery().toNanos(), settings.burstLength().toNanos(),
                        settings.burstFactor()));
        long lastWriteNanos = startNanos;
        boolean stalled = false;
        try {
            while (!shutdown.isTriggered()) {
                long now = System.nanoTime();
                StreamFault fault = faults.next(now);
                if (fault instanceof StreamFault.Notice notice) {
                    sendNotice(notice.kind());
                    lastWriteNanos = System.nanoTime();
                    continue;
                }
                if (fault instanceof StreamFault.Disconnect disconnect) {
                    return disconnect(disconnect.code());
                }
                if (fault != null) {
                    EndReason end = FaultEffects.apply(fault, connection, sink, ledger, this::nextStatusJson);
                    if (end != null) {
                        return end;
                    }
                    lastWriteNanos = System.nanoTime();
                    continue;
                }
                long silentUntil = faults.silentUntil(now);
                if (silentUntil != now) {
                    stalled = true;
                    wakeup.await(silentUntil - now);
                    continue;
                }
                if (stalled) {
                    // Statuses due during the stall were never made, as on a v2 stream; none come in a rush after it.
                    schedule.restartAt(now);
                    // Statuses delivered into the stall are lost with it, as a stalled v2 connection loses its offers.
                    held.dropDue(now);
                    stalled = false;
                }
                boolean moreTweets = connection.tweetsSent() + held.size() < settings.maxTweetsPerConnection();
                DueStatus due = held.pollDue(now);
                if (due != null) {
                    sendStatus(due);
                    lastWriteNanos = System.nanoTime();
                } else if (moreTweets && schedule.isDue(now)) {
                    if (makeTweet(now)) {
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
                    if (!held.isEmpty() && held.nextDueNanos() - wakeAt < 0) {
                        wakeAt = held.nextDueNanos();
                    }
                    wakeup.await(wakeAt - now);
                }
            }
            return EndReason.SIMULATOR_CLOSED;
        } catch (IOException e) {
            log.debug("Stream {} write failed: {}", connection.id(), e.toString());
            return shutdown.isTriggered() ? EndReason.SIMULATOR_CLOSED : EndReason.CLIENT_GONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EndReason.SIMULATOR_CLOSED;
        } catch (RuntimeException e) {
            log.error("Stream {} failed to make a message; closing it", connection.id(), e);
            return EndReason.SIMULATOR_ERROR;
        }
    }

    /** The next status, made now but not recorded: a dropped connection carries half of it. */
    private String nextStatusJson() {
        if (replay != null) {
            RecordedLine line = replay.current();
            return line == null ? null : line.text();
        }
        return write(generator.next(Instant.now()).json());
    }

    /**
     * Makes the status due now (or takes the recording's next line) and writes it, or holds it until its delivery is
     * due.
     *
     * @return whether it wrote
     */
    private boolean makeTweet(long nowNanos) throws IOException {
        if (replay != null) {
            sendReplayed();
            return true;
        }
        Instant now = Instant.now();
        GeneratedTweet tweet = generator.next(now);
        Duration delay = settings.deliveryDelay().draw(delays);
        DueStatus status = new DueStatus(tweet, now, now.plus(delay));
        if (delay.isZero()) {
            sendStatus(status);
            return true;
        }
        held.hold(status, nowNanos + delay.toNanos());
        return false;
    }

    private void sendStatus(DueStatus status) throws IOException {
        GeneratedTweet tweet = status.tweet();
        String json = write(tweet.json());
        sink.send(json);
        recent.add(tweet.id(), tweet.userId());
        long sent = ledger.tweetSent(connection, new SentTweet(connection.id(), tweet.id(), tweet.userId(), json,
                tweet.injectedKeywords(), status.createdAt(), status.deliveredAt()));
        if (settings.deleteEvery() > 0 && sent % settings.deleteEvery() == 0) {
            sendDelete();
        }
        if (settings.limitEvery() > 0 && sent % settings.limitEvery() == 0) {
            sendLimitNotice();
        }
        for (SentNotice.Kind kind : noticesDueAfter(sent)) {
            sendNotice(kind);
        }
    }

    /** The notices configured to follow the {@code sent}-th status; stall warnings only if the client asked for them. */
    private List<SentNotice.Kind> noticesDueAfter(long sent) {
        List<SentNotice.Kind> due = new ArrayList<>();
        if (isEvery(settings.statusWithheldEvery(), sent)) {
            due.add(SentNotice.Kind.STATUS_WITHHELD);
        }
        if (isEvery(settings.userWithheldEvery(), sent)) {
            due.add(SentNotice.Kind.USER_WITHHELD);
        }
        if (isEvery(settings.scrubGeoEvery(), sent)) {
            due.add(SentNotice.Kind.SCRUB_GEO);
        }
        if (isEvery(settings.stallWarningEvery(), sent) && connection.filter().stallWarnings()) {
            due.add(SentNotice.Kind.STALL_WARNING);
        }
        return due;
    }

    private static boolean isEvery(int every, long sent) {
        return every > 0 && sent % every == 0;
    }

    /** A recorded line, as recorded; a status counts as a tweet sent, anything else as a notice. */
    private void sendReplayed() throws IOException {
        RecordedLine line = replay.current();
        if (line == null) {
            return;
        }
        Instant now = Instant.now();
        sink.send(line.text());
        if (line.json().has("text") && line.json().has("user")) {
            ledger.tweetSent(connection, new SentTweet(connection.id(), line.json().path("id").asLong(),
                    line.json().path("user").path("id").asLong(), line.text(), List.of(), now, now));
        } else {
            ledger.noticeSent(new SentNotice(connection.id(), SentNotice.Kind.REPLAYED_LINE, line.text(), now));
        }
    }

    /**
     * A v1.1 notice about what this stream sent before: a status or its author withheld in some countries, an author's
     * locations to scrub, or a stall warning. Nothing when no status was sent yet (there is nothing to refer to).
     */
    private void sendNotice(SentNotice.Kind kind) throws IOException {
        Instant now = Instant.now();
        ObjectNode message;
        if (kind == SentNotice.Kind.STALL_WARNING) {
            message = Notices.stallWarning(noticeDice.between(60, 95));
        } else if (recent.isEmpty()) {
            return;
        } else {
            RecentStatuses.Sent earlier = recent.any(noticeDice);
            List<String> countries = noticeDice.chance(0.5) ? List.of("DE") : List.of("DE", "FR", "TR");
            message = switch (kind) {
                case STATUS_WITHHELD -> Notices.statusWithheld(earlier.statusId(), earlier.userId(), countries, now);
                case USER_WITHHELD -> Notices.userWithheld(earlier.userId(), countries, now);
                case SCRUB_GEO -> Notices.scrubGeo(earlier.userId(), earlier.statusId());
                default -> throw new IllegalArgumentException("not a v1.1 notice to inject: " + kind);
            };
        }
        String json = write(message);
        sink.send(json);
        ledger.noticeSent(new SentNotice(connection.id(), kind, json, now));
    }

    /** Twitter's {@code disconnect} message, then the end of the body, as Twitter ended a stream it disconnected. */
    private EndReason disconnect(int code) throws IOException {
        String json = write(Notices.disconnect(code, connection.consumerKeyOrEmpty() + "-statuses" + connection.id()));
        sink.send(json);
        ledger.noticeSent(new SentNotice(connection.id(), SentNotice.Kind.DISCONNECT, json, Instant.now()));
        sink.end();
        ledger.faultApplied(new AppliedFault(Instant.now(), connection.id(), connection.endpoint(),
                AppliedFault.Type.DISCONNECTED));
        return EndReason.ENDED_CLEANLY;
    }

    private void sendDelete() throws IOException {
        RecentStatuses.Sent deleted = recent.takeAny(noticeDice);
        Instant now = Instant.now();
        sink.send(write(Notices.delete(deleted.statusId(), deleted.userId(), now)));
        ledger.deleteSent(new SentDelete(connection.id(), deleted.statusId(), deleted.userId(), now));
    }

    private void sendLimitNotice() throws IOException {
        undelivered += noticeDice.between(1, MAX_UNDELIVERED_STEP);
        Instant now = Instant.now();
        sink.send(write(Notices.limit(undelivered, now)));
        ledger.limitNoticeSent(new SentLimitNotice(connection.id(), undelivered, now));
    }

    private String write(ObjectNode message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a generated message as JSON", e);
        }
    }
}
