package io.tweetstream.simulator;

import java.time.Instant;

/**
 * A Post one of X's partitioned volume streams (firehose, sample10) made, whether or not any client got it: the
 * oracle of a test that checks the partitions are disjoint and together the whole stream.
 *
 * @param id        its id (a Snowflake id: its creation time in the high bits)
 * @param createdAt its {@code created_at}
 * @param partition the one partition of the stream that carries it (firehose 1-20, sample10 1-2)
 */
public record PartitionedTweet(long id, Instant createdAt, int partition) {
}
