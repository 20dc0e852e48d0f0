package io.tweetstream.connect.v2;

/**
 * One stream connection's endpoint: the filtered stream, the 1% sample, or one partition of an
 * Enterprise partitioned stream ({@link PartitionedStream}). It says what the stream's tweets are
 * judged by (the filtered stream's rules: which task writes a tweet) and how a gap in it can be
 * refilled: backfill on every stream X offers it on, Recovery on the filtered and the partitioned
 * streams, recent search only on the filtered stream, whose rules can be searched.
 *
 * @param path the stream's path under the base URL, e.g. {@code 2/tweets/firehose/stream}
 * @param name e.g. "the filtered stream", "partition 7 of the firehose", for log lines and messages
 * @param partition the partition, from 1; 0 on a stream without partitions
 * @param filtered whether the stream's tweets come with the matching rules of the app (the filtered stream)
 * @param recoverable whether X's Recovery ({@code start_time}/{@code end_time}) re-streams the stream's past
 * @param messages what its lines are: Posts, compliance events or Likes
 */
record V2Endpoint(String path, String name, int partition, boolean filtered, boolean recoverable, V2Messages messages) {

    static final V2Endpoint FILTERED = new V2Endpoint(StreamRequest.FILTERED_STREAM, "the filtered stream", 0, true,
            true, V2Messages.POSTS);
    static final V2Endpoint SAMPLE = new V2Endpoint(StreamRequest.SAMPLE_STREAM, "the sample stream", 0, false,
            false, V2Messages.POSTS);

    /**
     * One partition of a partitioned stream: Recovery and backfill, no rules, no search. A stream X does not split
     * (the likes compliance stream) has the one partition 1, which its requests do not name.
     */
    static V2Endpoint partition(PartitionedStream stream, int partition) {
        if (!stream.split()) {
            return new V2Endpoint(stream.path(), stream.description(), 0, false, true, stream.messages());
        }
        return new V2Endpoint(stream.path(), "partition " + partition + " of " + stream.description(), partition, false,
                true, stream.messages());
    }

    /** Whether recent search can find the stream's tweets: the filtered stream's rules can be searched. */
    boolean searchable() {
        return filtered;
    }

    /** The path, with its partition if it has one: what log lines name it by. */
    String pathAndPartition() {
        return partition > 0 ? path + "?partition=" + partition : path;
    }

    /** The path and query of a live connection: the partition, and every field the record needs. */
    String pathAndQuery() {
        return switch (messages) {
            case COMPLIANCE -> pathAndPartition();
            case LIKES -> withQuery(pathAndPartition(), StreamRequest.LIKE_FIELDS);
            case POSTS -> withQuery(pathAndPartition(), StreamRequest.FIELDS);
        };
    }

    /** {@link #pathAndQuery()} with more parameters, e.g. {@code backfill_minutes=2}. */
    String pathAndQuery(String more) {
        return withQuery(pathAndQuery(), more);
    }

    private static String withQuery(String pathAndQuery, String more) {
        return pathAndQuery + (pathAndQuery.indexOf('?') >= 0 ? '&' : '?') + more;
    }
}
