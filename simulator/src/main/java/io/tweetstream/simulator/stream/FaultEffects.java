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
     * Applies {@code fault}, recording it just before (a line, just after).
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
        AppliedFault.Type type = typeOf(fault);
        if (type == null) {
            return null;
        }
        // Recorded before it takes effect: a client that sees the effect may close the connection at once,
        // and a write to a closed connection throws.
        ledger.faultApplied(new AppliedFault(Instant.now(), connection.id(), connection.endpoint(), type));
        if (fault instanceof StreamFault.Drop) {
            sink.cut(nextMessage.get());
            return EndReason.DROPPED;
        }
        if (fault instanceof StreamFault.EndCleanly) {
            sink.end();
            return EndReason.ENDED_CLEANLY;
        }
        if (fault instanceof StreamFault.Reset) {
            sink.reset();
            return EndReason.RESET;
        }
        sink.send(V2StreamSession.OPERATIONAL_DISCONNECT);
        sink.end();
        return EndReason.OPERATIONAL_DISCONNECT;
    }

    private static AppliedFault.Type typeOf(StreamFault fault) {
        if (fault instanceof StreamFault.Drop) {
            return AppliedFault.Type.DROPPED;
        }
        if (fault instanceof StreamFault.EndCleanly) {
            return AppliedFault.Type.ENDED_CLEANLY;
        }
        if (fault instanceof StreamFault.Reset) {
            return AppliedFault.Type.RESET;
        }
        return fault instanceof StreamFault.OperationalDisconnect ? AppliedFault.Type.OPERATIONAL_DISCONNECT : null;
    }
}
