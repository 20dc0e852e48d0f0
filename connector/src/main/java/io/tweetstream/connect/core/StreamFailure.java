package io.tweetstream.connect.core;

/**
 * A problem that retrying cannot fix, such as rejected credentials. The message says what to change
 * and never contains a secret.
 */
public final class StreamFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StreamFailure(String message) {
        super(message);
    }
}
