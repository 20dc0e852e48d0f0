package io.tweetstream.connect.v1;

import io.tweetstream.connect.core.EventBuffer;
import twitter4j.Dispatcher;
import twitter4j.conf.Configuration;

/**
 * Runs Twitter4j's stream events on the thread that read them, instead of handing them to
 * Twitter4j's default dispatcher pool through an unbounded queue. With this dispatcher a full
 * {@link EventBuffer} stops the reading of the connection (TCP back-pressure), memory stays
 * bounded, and no dispatcher thread is left behind when a task stops.
 *
 * <p>Twitter4j instantiates it by class name, with this constructor.
 */
public final class DirectDispatcher implements Dispatcher {

    public DirectDispatcher(Configuration configuration) {
        // Twitter4j's factory requires this constructor; there is nothing to configure.
    }

    @Override
    public void invokeLater(Runnable task) {
        task.run();
    }

    @Override
    public void shutdown() {
        // No threads of its own to stop.
    }
}
