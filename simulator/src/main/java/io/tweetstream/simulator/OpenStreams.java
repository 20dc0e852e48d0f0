package io.tweetstream.simulator;

import io.tweetstream.simulator.stream.StreamFault;
import io.tweetstream.simulator.stream.StreamFaults;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The streams of some endpoints that are open at the moment of each call, to inject a fault into
 * ({@link StreamSimulator#openStreams(StreamEndpoint...)}), or one stream ({@link StreamSimulator#openStream(long)}). Each call reaches the streams open when it is made, and
 * none opened later; each returns how many it reached. Every fault is recorded per stream, in
 * {@link StreamSimulator#appliedFaults()} or {@link StreamSimulator#injectedLines()}.
 */
public final class OpenStreams {

    private final Set<StreamEndpoint> endpoints;
    /** The one stream to reach; 0 for every stream of the endpoints. */
    private final long connectionId;
    private final StreamFaults faults;

    OpenStreams(Set<StreamEndpoint> endpoints, StreamFaults faults) {
        this(endpoints, 0, faults);
    }

    OpenStreams(Set<StreamEndpoint> endpoints, long connectionId, StreamFaults faults) {
        this.endpoints = Set.copyOf(endpoints);
        this.connectionId = connectionId;
        this.faults = faults;
    }

    /**
     * Closes each connection in the middle of a chunk: the chunk of the next message is announced and half of it
     * sent, then a FIN, without the body's last chunk. The client reads an unexpected end of the body.
     */
    public int drop() {
        return faults.deliver(endpoints, connectionId, new StreamFault.Drop());
    }

    /** Ends each body properly (its last, empty chunk) and closes the connection. */
    public int endCleanly() {
        return faults.deliver(endpoints, connectionId, new StreamFault.EndCleanly());
    }

    /** Resets each connection (SO_LINGER 0, then close): the client reads "Connection reset". */
    public int reset() {
        return faults.deliver(endpoints, connectionId, new StreamFault.Reset());
    }

    /**
     * Sends nothing at all on each stream, not even keep-alives, for {@code length}, keeping the socket open; then it
     * goes on (a keep-alive first when it was silent for a keep-alive interval). Nothing is made for it meanwhile, so
     * no rush of tweets follows. A drop, clean end or reset still applies during the stall; bad lines wait for its end.
     */
    public int stall(Duration length) {
        Objects.requireNonNull(length, "length");
        if (length.isNegative()) {
            throw new IllegalArgumentException("length must not be negative, was " + length);
        }
        return faults.deliver(endpoints, connectionId, new StreamFault.Stall(System.nanoTime() + length.toNanos()));
    }

    /** Writes {@code line} (in the shape of each stream's API) and its CRLF into each stream, which then goes on. */
    public int injectLine(BadLine line) {
        return faults.deliver(endpoints, connectionId, StreamFault.Line.of(Objects.requireNonNull(line, "line")));
    }

    /**
     * Writes a v1.1 notice into each v1.1 stream, which then goes on: {@code STATUS_WITHHELD}, {@code USER_WITHHELD}
     * or {@code SCRUB_GEO} about a status (and its author) sent earlier on that stream (none on a stream that has sent
     * no status yet), or a {@code STALL_WARNING} (whether or not the client asked for {@code stall_warnings}). v2
     * streams are not reached: X's v2 streams have no such notices. Recorded in {@link StreamSimulator#sentNotices()}.
     */
    public int sendV1Notice(SentNotice.Kind kind) {
        Objects.requireNonNull(kind, "kind");
        if (kind == SentNotice.Kind.DISCONNECT || kind == SentNotice.Kind.REPLAYED_LINE) {
            throw new IllegalArgumentException(kind + " is not a notice to inject; use disconnectV1(code) for DISCONNECT");
        }
        return faults.deliver(v1Only(), connectionId, new StreamFault.Notice(kind));
    }

    /**
     * Ends each v1.1 stream as Twitter did when it disconnected one: {@code {"disconnect":{"code":..,"stream_name":..,
     * "reason":..}}}, then the body's end. Codes as Twitter's: 1 shutdown, 2 duplicate stream, 4 stall, 6 token revoked,
     * 7 admin logout, 10 stream exception, 12 shed load, ...
     */
    public int disconnectV1(int code) {
        return faults.deliver(v1Only(), connectionId, new StreamFault.Disconnect(code));
    }

    private Set<StreamEndpoint> v1Only() {
        return endpoints.contains(StreamEndpoint.V1_FILTER) ? Set.of(StreamEndpoint.V1_FILTER) : Set.of();
    }

    /** Writes exactly these bytes and a CRLF into each stream, which then goes on. */
    public int injectRawLine(byte[] line) {
        return injectLine(BadLine.raw(line));
    }
}
