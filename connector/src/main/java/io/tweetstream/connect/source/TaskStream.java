package io.tweetstream.connect.source;

import io.tweetstream.connect.core.TweetStream;

/**
 * A task's stream and the name of what it reads, which is the records' source partition.
 *
 * @param sourcePartition e.g. "track=kafka,spark" or "api=v2 stream=sample"; it keys the stored
 *     offsets, so an adapter must keep it stable across versions
 */
public record TaskStream(TweetStream stream, String sourcePartition) {}
