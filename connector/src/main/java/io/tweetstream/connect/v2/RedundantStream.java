package io.tweetstream.connect.v2;

import io.tweetstream.connect.core.ResumePoint;
import io.tweetstream.connect.core.TweetStream;
import java.util.List;

/**
 * A task's redundant connections to the filtered stream as one stream: they hand their tweets to one
 * buffer, which the task writes once each, under one source partition and one offset. Each resumes
 * from that offset; the first refills the gaps a previous run left pending, and a gap of either is left
 * to the other when it was open throughout (see {@link RedundantConnections}).
 */
final class RedundantStream implements TweetStream {

    private final List<XApiStream> connections;

    RedundantStream(List<XApiStream> connections) {
        this.connections = List.copyOf(connections);
    }

    @Override
    public void resumeAfter(ResumePoint lastWritten) {
        connections.forEach(connection -> connection.resumeAfter(lastWritten));
    }

    @Override
    public void start() {
        connections.forEach(XApiStream::start);
    }

    @Override
    public void close() {
        connections.forEach(XApiStream::close);
    }
}
