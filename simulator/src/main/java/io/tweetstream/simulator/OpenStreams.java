package io.tweetstream.simulator;

import io.tweetstream.simulator.stream.StreamFault;
import io.tweetstream.simulator.stream.StreamFaults;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The streams of some endpoints that are open at the moment of each call, to inject a fault into
 * ({@link StreamSimulator#openStreams(StreamEndpoint...)}). Each call reaches the streams open when it is made, and
 * none opened later; each returns how many it reached. Every fault is recorded per stream, in
 * {@link StreamSimulator#appliedFaults()} or {@link StreamSimulator#injectedLines()}.
 */
public final class OpenStreams {

    private final Set<StreamEndpoint> endpoints;
    private final StreamFaults faults;

    OpenStreams(Set<StreamEndpoint> endpoints, StreamFaults faults) {
        this.endpoints = Set.copyOf(endpoints);
        this.faults = faults;
    }

    /**
     * Closes each connection in the middle of a chunk: the chunk of the next message is announced and half of it
     * sent, then a FIN, without the body's last chunk. The client reads an unexpected end of the body.
     */
    public int drop() {
        return faults.deliver(endpoints, new StreamFault.Drop());
    }

    /** Ends each body properly (its last, empty chunk) and closes the connection. */
    public int endCleanly() {
        return faults.deliver(endpoints, new StreamFault.EndCleanly());
    }

    /** Resets each connection (SO_LINGER 0, then close): the client reads "Connection reset". */
    public int reset() {
        return faults.deliver(endpoints, new StreamFault.Reset());
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
        return faults.deliver(endpoints, new StreamFault.Stall(System.nanoTime() + length.toNanos()));
    }

    /** Writes {@code line} (in the shape of each stream's API) and its CRLF into each stream, which then goes on. */
    public int injectLine(BadLine line) {
        return faults.deliver(endpoints, StreamFault.Line.of(Objects.requireNonNull(line, "line")));
    }

    /** Writes exactly these bytes and a CRLF into each stream, which then goes on. */
    public int injectRawLine(byte[] line) {
        return injectLine(BadLine.raw(line));
    }
}
