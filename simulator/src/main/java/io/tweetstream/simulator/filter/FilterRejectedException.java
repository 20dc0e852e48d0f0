package io.tweetstream.simulator.filter;

/**
 * A {@code statuses/filter} request Twitter would refuse, with the HTTP status it would answer
 * (406 for a bad or missing parameter, 413 for too many items) and a plain-text reason.
 */
public final class FilterRejectedException extends Exception {

    private final int httpStatus;

    public FilterRejectedException(int httpStatus, String message) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
