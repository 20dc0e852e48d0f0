package io.tweetstream.connect.v1;

import java.util.function.BiConsumer;

/**
 * The thread group of one stream's threads: it lets the stream find its threads to end them, and
 * hears of a thread that dies of an uncaught error instead of letting it vanish unnoticed.
 */
final class StreamThreads extends ThreadGroup {

    private final BiConsumer<Thread, Throwable> onDeath;

    StreamThreads(String name, BiConsumer<Thread, Throwable> onDeath) {
        super(name);
        this.onDeath = onDeath;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        onDeath.accept(thread, error);
    }
}
