package io.tweetstream.simulator.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How the next connection attempts of one API are to be refused, as a test instructed. Thread-safe. */
public final class ConnectionRejections {

    /** How one attempt is to be refused. */
    public record Rejection(int httpStatus, Instant rateLimitReset) {
    }

    private int left;
    private int status;
    private Duration reset = Duration.ZERO;

    /** The next {@code count} connection attempts get {@code httpStatus}; replaces an earlier instruction. */
    public synchronized void rejectNext(int count, int httpStatus, Duration rateLimitReset) {
        left = count;
        status = httpStatus;
        reset = rateLimitReset;
    }

    /** The rejection for this attempt, if one is due; counts it. */
    public synchronized Optional<Rejection> take(Instant now) {
        if (left <= 0) {
            return Optional.empty();
        }
        left--;
        return Optional.of(new Rejection(status, now.plus(reset)));
    }
}
