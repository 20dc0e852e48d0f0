package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.AppliedFault;
import io.tweetstream.simulator.StreamEndpoint;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault inboxes of the streams open now, v1.1 and v2: a fault injected by a test goes to every stream open at
 * that moment on the chosen endpoints, and to none opened later.
 */
public final class StreamFaults {

    private final StreamLedger ledger;
    private final Set<FaultInbox> open = ConcurrentHashMap.newKeySet();

    public StreamFaults(StreamLedger ledger) {
        this.ledger = ledger;
    }

    /** @param wake wakes the stream's session, which then takes the fault from its inbox */
    public FaultInbox register(ConnectionState connection, Runnable wake) {
        FaultInbox inbox = new FaultInbox(connection, wake);
        open.add(inbox);
        return inbox;
    }

    public void unregister(FaultInbox inbox) {
        open.remove(inbox);
    }

    /** @return how many streams it went to */
    public int deliver(Set<StreamEndpoint> endpoints, StreamFault fault) {
        return deliver(endpoints, 0, fault);
    }

    /**
     * @param connectionId the one stream to reach ({@link io.tweetstream.simulator.ConnectionInfo#id()}), if it is
     *     open on one of {@code endpoints}; 0 for all of them
     * @return how many streams it went to
     */
    public int deliver(Set<StreamEndpoint> endpoints, long connectionId, StreamFault fault) {
        int reached = 0;
        for (FaultInbox inbox : open) {
            ConnectionState connection = inbox.connection();
            if (endpoints.contains(connection.endpoint()) && (connectionId == 0 || connection.id() == connectionId)) {
                inbox.deliver(fault);
                if (fault instanceof StreamFault.Stall) {
                    ledger.faultApplied(new AppliedFault(Instant.now(), connection.id(), connection.endpoint(),
                            AppliedFault.Type.STALLED));
                }
                reached++;
            }
        }
        return reached;
    }

    /** Wakes every open stream's session: the simulator is closing. */
    public void wakeAll() {
        open.forEach(FaultInbox::wake);
    }
}
