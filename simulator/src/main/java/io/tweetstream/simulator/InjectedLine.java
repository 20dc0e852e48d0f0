package io.tweetstream.simulator;

import java.time.Instant;

/**
 * A bad line written to a stream on purpose ({@link StreamSimulator#injectLine(BadLine)}), recorded just after it was
 * written, so that a test can count that the client skipped exactly these.
 *
 * @param at           when it was written
 * @param connectionId the stream it was written to ({@link ConnectionInfo#id()})
 * @param endpoint     that stream's API
 * @param kind         what is wrong with it
 * @param length       its length in bytes, without the CRLF
 */
public record InjectedLine(Instant at, long connectionId, StreamEndpoint endpoint, BadLine.Kind kind, int length,
                           byte[] bytes) {

    /** The exact bytes written, without the CRLF (a copy). */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "InjectedLine[at=" + at + ", connectionId=" + connectionId + ", endpoint=" + endpoint + ", kind=" + kind
                + ", length=" + length + "]";
    }
}
