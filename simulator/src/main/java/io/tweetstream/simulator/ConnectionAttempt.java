package io.tweetstream.simulator;

import java.time.Instant;

/**
 * A request to open a stream, v1.1 or v2 ({@code endpoint}), and how it was answered: 200 when the stream was opened,
 * else the error status. Lets tests see a client's reconnect timing from the server's side.
 */
public record ConnectionAttempt(Instant at, StreamEndpoint endpoint, int httpStatus) {
}
