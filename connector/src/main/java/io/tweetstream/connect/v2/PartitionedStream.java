package io.tweetstream.connect.v2;

import io.tweetstream.connect.config.TwitterSourceConfig;

/**
 * X's Enterprise streams that are split into numbered partitions, each a disjoint share of the
 * stream, which is where parallelism is to be had (x-api/posts/volume-streams): a task reads the
 * partitions it owns, each on a connection of its own.
 */
public enum PartitionedStream {

    FIREHOSE(TwitterSourceConfig.V2_STREAM_FIREHOSE, "2/tweets/firehose/stream", 20, "the firehose"),
    SAMPLE10(TwitterSourceConfig.V2_STREAM_SAMPLE10, "2/tweets/sample10/stream", 2, "the 10% sample stream");

    private final String configValue;
    private final String path;
    private final int partitions;
    private final String description;

    PartitionedStream(String configValue, String path, int partitions, String description) {
        this.configValue = configValue;
        this.path = path;
        this.partitions = partitions;
        this.description = description;
    }

    /** Its value of {@code twitter.v2.stream}. */
    public String configValue() {
        return configValue;
    }

    String path() {
        return path;
    }

    /** How many partitions X splits it into, numbered from 1. */
    public int partitions() {
        return partitions;
    }

    /** E.g. "the firehose". */
    public String description() {
        return description;
    }
}
