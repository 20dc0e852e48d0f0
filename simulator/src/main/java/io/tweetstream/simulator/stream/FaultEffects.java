package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.AppliedFault;
import io.tweetstream.simulator.InjectedLine;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Supplier;

/** What a fault does to one stream, the same on v1.1 and v2, and how it is recorded. */
final class FaultEffects {

    private FaultEffects() {
    }

    /**
     * Applies {@code fault}, recording it just after.
     *
     * @param nextMessage the line the stream would send next, of which a dropped connection carries half; {@code null}
     *                    for a keep-alive
     * @return how the stream ended, or {@code null} when it goes on
     */
    static EndReason apply(StreamFault fault, ConnectionState connection, MessageSink sink, StreamLedger ledger,
                           Supplier<String> nextMessage) throws IOException {
        if (fault instanceof StreamFault.Line line) {
            byte[] bytes = line.bytesFor(connection.endpoint());
            sink.sendRaw(bytes);
            ledger.lineInjected(new InjectedLine(Instant.now(), connection.id(), connection.endpoint(), line.kind(),
                    bytes.length, bytes));
            return null;
        }
        EndReason reason;
        AppliedFault.Type type;
        if (fault instanceof StreamFault.Drop) {
            sink.cut(nextMessage.get());
            reason = EndReason.DROPPED;
            type = AppliedFault.Type.DROPPED;
        } else if (fault instanceof StreamFault.EndCleanly) {
            sink.end();
            reason = EndReason.ENDED_CLEANLY;
            type = AppliedFault.Type.ENDED_CLEANLY;
        } else if (fault instanceof StreamFault.Reset) {
            sink.reset();
            reason = EndReason.RESET;
            type = AppliedFault.Type.RESET;
        } else if (fault instanceof StreamFault.OperationalDisconnect) {
            sink.send(V2StreamSession.OPERATIONAL_DISCONNECT);
            sink.end();
            reason = EndReason.OPERATIONAL_DISCONNECT;
            type = AppliedFault.Type.OPERATIONAL_DISCONNECT;
        } else {
            return null;
        }
        ledger.faultApplied(new AppliedFault(Instant.now(), connection.id(), connection.endpoint(), type));
        return reason;
    }
}
