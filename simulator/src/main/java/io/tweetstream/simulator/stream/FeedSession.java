package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.SimulatorSettings;
import org.slf4j.Logger;

import java.io.IOException;

/**
 * The writing loop every live v2 connection shares, whatever its {@link BoundedFeed} carries: the faults delivered to
 * its {@link FaultInbox} first (nothing at all during a stall; bad lines; a drop, clean end, reset or X's operational
 * disconnect, which end it), then what waits in the feed, and a bare CRLF after each silence of the v2 keep-alive
 * interval. Kept in one place so that the v2 streams fail, stall and keep alive alike; a subclass says only how it
 * writes an item and what else may end its stream. Runs on the thread of the HTTP exchange.
 *
 * @param <T> what the feed carries
 */
abstract class FeedSession<T> {

    private final BoundedFeed<T> feed;
    private final FaultInbox faults;
    private final SimulatorSettings settings;
    private final MessageSink sink;
    private final StreamLedger ledger;
    private final V2Controls controls;
    private final Logger log;
    private final String label;

    /**
     * @param log   the subclass's logger, which tells of a failed write
     * @param label what the log calls the stream ("Stream", "Event stream")
     */
    FeedSession(BoundedFeed<T> feed, FaultInbox faults, SimulatorSettings settings, MessageSink sink,
                StreamLedger ledger, V2Controls controls, Logger log, String label) {
        this.feed = feed;
        this.faults = faults;
        this.settings = settings;
        this.sink = sink;
        this.ledger = ledger;
        this.controls = controls;
        this.log = log;
        this.label = label;
    }

    /** Writes the stream until it ends; never throws. */
    public final EndReason run() {
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
                EndReason refused = endBeforeNext();
                if (refused != null) {
                    return refused;
                }
                T item = feed.poll();
                if (item != null) {
                    EndReason end = write(item);
                    if (end != null) {
                        return end;
                    }
                    lastWriteNanos = System.nanoTime();
                    continue;
                }
                EndReason drained = endWhenDrained();
                if (drained != null) {
                    return drained;
                }
                if (now - lastWriteNanos >= keepAliveNanos) {
                    sink.keepAlive();
                    lastWriteNanos = now;
                } else {
                    feed.await(lastWriteNanos + keepAliveNanos - now);
                }
            }
            return EndReason.SIMULATOR_CLOSED;
        } catch (IOException e) {
            log.debug("{} {} write failed: {}", label, feed.connection().id(), e.toString());
            return controls.isClosed() ? EndReason.SIMULATOR_CLOSED : EndReason.CLIENT_GONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EndReason.SIMULATOR_CLOSED;
        } catch (RuntimeException e) {
            log.error("{} {} failed to write a message; closing it", label, feed.connection().id(), e);
            return EndReason.SIMULATOR_ERROR;
        }
    }

    /** Where the session writes. */
    final MessageSink sink() {
        return sink;
    }

    /** What ends the stream before the next item is taken (a spent credit); {@code null} to go on. */
    EndReason endBeforeNext() throws IOException {
        return null;
    }

    /** Writes {@code item}; how the stream ends instead, or {@code null} once it is written. */
    abstract EndReason write(T item) throws IOException;

    /** What ends the stream once nothing waits (the end of a Recovery period); {@code null} to wait for more. */
    EndReason endWhenDrained() throws IOException {
        return null;
    }

    /** {@code item} as this connection's message, unbilled and unrecorded (what a fault writes in its place). */
    abstract String message(T item);

    /** The next item waiting, as this connection would get it; {@code null} (a keep-alive) when none waits. */
    private String nextMessage() {
        T item = feed.poll();
        return item == null ? null : message(item);
    }
}
