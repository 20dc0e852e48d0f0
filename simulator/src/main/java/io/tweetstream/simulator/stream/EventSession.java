package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.SimulatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.function.Function;

/**
 * Writes one connection of an {@link EventStream} (a compliance or Likes stream) from start to end: the events of its
 * {@link EventFeed}, one JSON object a line; a bare CRLF after each silence of the v2 keep-alive interval; and the
 * faults delivered to its {@link FaultInbox}, as on the other v2 streams ({@link FeedSession}). A Recovery connection
 * ends its body once its period's events are written. Nothing is billed: these events are not Post reads. Runs on
 * the thread of the HTTP exchange.
 *
 * @param <E> the events of its stream
 */
public final class EventSession<E> extends FeedSession<E> {

    private static final Logger log = LoggerFactory.getLogger(EventSession.class);

    private final EventFeed<E> feed;
    private final EventStream<E, ?> stream;
    private final Function<E, String> messages;

    /** @param messages writes an event as this connection's line (with the expansions it asked for, if any) */
    public EventSession(EventFeed<E> feed, FaultInbox faults, SimulatorSettings settings, MessageSink sink,
                        StreamLedger ledger, V2Controls controls, EventStream<E, ?> stream,
                        Function<E, String> messages) {
        super(feed, faults, settings, sink, ledger, controls, log, "Event stream");
        this.feed = feed;
        this.stream = stream;
        this.messages = messages;
    }

    @Override
    EndReason write(E event) throws IOException {
        sink().send(messages.apply(event));
        stream.sent(feed.connection(), event);
        return null;
    }

    @Override
    EndReason endWhenDrained() throws IOException {
        if (!feed.finite()) {
            return null;
        }
        sink().end();
        return EndReason.COMPLETED;
    }

    @Override
    String message(E event) {
        return messages.apply(event);
    }
}
