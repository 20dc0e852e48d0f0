package io.tweetstream.connect.source;

import io.tweetstream.connect.core.TweetStream;
import io.tweetstream.connect.cost.TaskCost;

/**
 * A task's stream, the name of what it reads, which is the records' source partition, and its cost.
 *
 * @param sourcePartition e.g. "track=kafka,spark" or "api=v2 stream=sample"; it keys the stored
 *     offsets, so an adapter must keep it stable across versions
 * @param cost the budgets and usage of a billed stream (X API v2); null for one that is not billed
 */
public record TaskStream(TweetStream stream, String sourcePartition, TaskCost cost) {

    /** A stream that is not billed. */
    public TaskStream(TweetStream stream, String sourcePartition) {
        this(stream, sourcePartition, null);
    }
}
