package io.tweetstream.connect.source;

import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.TweetStream;
import io.tweetstream.connect.cost.TaskCost;

/**
 * One of a task's streams (a task of a partitioned stream has one per partition it owns), the name
 * of what it reads, which is its records' source partition, the buffer it hands its events to, and
 * its cost.
 *
 * @param sourcePartition e.g. "track=kafka,spark" or "api=v2 stream=sample"; it keys the stored
 *     offsets, so an adapter must keep it stable across versions
 * @param buffer the buffer the stream hands its events to, from the task's {@code TaskBuffers}
 * @param cost the budgets and usage of a billed stream (X API v2); null for one that is not billed
 */
public record TaskStream(TweetStream stream, String sourcePartition, EventBuffer buffer, TaskCost cost) {

    /** A stream that is not billed. */
    public TaskStream(TweetStream stream, String sourcePartition, EventBuffer buffer) {
        this(stream, sourcePartition, buffer, null);
    }
}
