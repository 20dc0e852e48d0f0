package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.ComplianceStreamEvent;
import io.tweetstream.simulator.SimulatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Writes one compliance connection (Post or User) from start to end: the events of its {@link ComplianceFeed}, one
 * JSON object a line; a bare CRLF after each silence of the v2 keep-alive interval; and the faults delivered to its
 * {@link FaultInbox}, as on the other v2 streams ({@link FeedSession}). A Recovery connection ends its body once its
 * period's events are written. Nothing is billed: compliance events are not Post reads. Runs on the thread of the
 * HTTP exchange.
 *
 * @param <E> the events of its stream
 */
public final class ComplianceSession<E extends ComplianceStreamEvent> extends FeedSession<E> {

    private static final Logger log = LoggerFactory.getLogger(ComplianceSession.class);

    private final ComplianceFeed<E> feed;
    private final ComplianceStream<E, ?> stream;

    public ComplianceSession(ComplianceFeed<E> feed, FaultInbox faults, SimulatorSettings settings, MessageSink sink,
                             StreamLedger ledger, V2Controls controls, ComplianceStream<E, ?> stream) {
        super(feed, faults, settings, sink, ledger, controls, log, "Compliance stream");
        this.feed = feed;
        this.stream = stream;
    }

    @Override
    EndReason write(E event) throws IOException {
        sink().send(event.json());
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
        return event.json();
    }
}
