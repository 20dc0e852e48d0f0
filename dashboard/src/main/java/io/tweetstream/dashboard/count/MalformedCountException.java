package io.tweetstream.dashboard.count;

/** A record of the counts topic that is not a count this dashboard can show; it is skipped. */
public final class MalformedCountException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedCountException(String message) {
        super(message);
    }
}
