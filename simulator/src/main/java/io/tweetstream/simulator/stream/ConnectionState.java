package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.filter.StreamFilter;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The live state of one accepted stream; {@link #snapshot()} gives the immutable public view. */
public final class ConnectionState {

    private final long id;
    private final StreamEndpoint endpoint;
    private final StreamFilter filter;
    private final String consumerKey;
    private final Instant openedAt;
    private final boolean recovery;
    private final int partition;
    private final AtomicLong tweetsSent = new AtomicLong();
    private final AtomicLong tweetsDropped = new AtomicLong();
    private volatile Instant closedAt;

    ConnectionState(long id, StreamEndpoint endpoint, StreamFilter filter, String consumerKey, Instant openedAt) {
        this(id, endpoint, filter, consumerKey, openedAt, false);
    }

    ConnectionState(long id, StreamEndpoint endpoint, StreamFilter filter, String consumerKey, Instant openedAt,
                    boolean recovery) {
        this(id, endpoint, filter, consumerKey, openedAt, recovery, 0);
    }

    ConnectionState(long id, StreamEndpoint endpoint, StreamFilter filter, String consumerKey, Instant openedAt,
                    boolean recovery, int partition) {
        this.partition = partition;
        this.recovery = recovery;
        this.id = id;
        this.endpoint = endpoint;
        this.filter = filter;
        this.consumerKey = consumerKey;
        this.openedAt = openedAt;
    }

    public long id() {
        return id;
    }

    public StreamEndpoint endpoint() {
        return endpoint;
    }

    /** The consumer key of a v1.1 stream, empty for v2 (it names the stream in a disconnect message). */
    String consumerKeyOrEmpty() {
        return consumerKey == null ? "" : consumerKey;
    }

    public StreamFilter filter() {
        return filter;
    }

    public long tweetsSent() {
        return tweetsSent.get();
    }

    public long tweetsDropped() {
        return tweetsDropped.get();
    }

    /** The partition of a volume stream it reads (1..{@link StreamEndpoint#partitions()}); 0 on other streams. */
    public int partition() {
        return partition;
    }

    /** Whether it is a Recovery stream (filtered or volume, with start_time and end_time). */
    public boolean recovery() {
        return recovery;
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** @return the new count of statuses sent */
    long countTweet() {
        return tweetsSent.incrementAndGet();
    }

    void countDropped() {
        tweetsDropped.incrementAndGet();
    }

    void markClosed(Instant at) {
        closedAt = at;
    }

    public ConnectionInfo snapshot() {
        return new ConnectionInfo(id, filter.track(), filter.follow(), filter.locations(), filter.languages(),
                consumerKey, openedAt, closedAt, tweetsSent.get(), endpoint, tweetsDropped.get(), recovery, partition);
    }
}
