package io.tweetstream.connect.core;

/**
 * A connection to a Twitter streaming API that hands what arrives to an {@link EventBuffer}. It
 * reconnects by itself after network and server errors, and records problems that retrying cannot
 * fix in the buffer.
 */
public interface TweetStream extends AutoCloseable {

    /**
     * Tells the stream, before {@link #start()}, where the previous run of its task stopped writing, so
     * that it refills the gap from there to now as far as its API can, and reports what it cannot.
     */
    void resumeAfter(ResumePoint lastWritten);

    /** Opens the connection in the background and returns at once. */
    void start();

    /** Closes the connection and ends the stream's threads; safe to call from any thread, and twice. */
    @Override
    void close();
}
