package io.tweetstream.connect;

import io.tweetstream.connect.config.StreamType;
import io.tweetstream.connect.source.StreamAdapter;
import io.tweetstream.connect.v1.V1FilterAdapter;
import io.tweetstream.connect.v2.PartitionedStream;
import io.tweetstream.connect.v2.V2BatchComplianceAdapter;
import io.tweetstream.connect.v2.V2FilteredAdapter;
import io.tweetstream.connect.v2.V2PartitionedAdapter;
import io.tweetstream.connect.v2.V2SampleAdapter;

/** The adapter of each stream the connector can read: the one place that maps a stream to its code. */
final class StreamAdapters {

    private StreamAdapters() {}

    /** A new adapter for one connector or task instance (an adapter may remember what it did). */
    static StreamAdapter forType(StreamType type) {
        return switch (type) {
            case V1_FILTER -> new V1FilterAdapter();
            case V2_FILTERED -> new V2FilteredAdapter();
            case V2_SAMPLE -> new V2SampleAdapter();
            case V2_FIREHOSE -> new V2PartitionedAdapter(PartitionedStream.FIREHOSE);
            case V2_SAMPLE10 -> new V2PartitionedAdapter(PartitionedStream.SAMPLE10);
            case V2_FIREHOSE_EN -> new V2PartitionedAdapter(PartitionedStream.FIREHOSE_EN);
            case V2_FIREHOSE_JA -> new V2PartitionedAdapter(PartitionedStream.FIREHOSE_JA);
            case V2_FIREHOSE_KO -> new V2PartitionedAdapter(PartitionedStream.FIREHOSE_KO);
            case V2_FIREHOSE_PT -> new V2PartitionedAdapter(PartitionedStream.FIREHOSE_PT);
            case V2_TWEET_COMPLIANCE -> new V2PartitionedAdapter(PartitionedStream.TWEET_COMPLIANCE);
            case V2_USER_COMPLIANCE -> new V2PartitionedAdapter(PartitionedStream.USER_COMPLIANCE);
            case V2_LIKES_FIREHOSE -> new V2PartitionedAdapter(PartitionedStream.LIKES_FIREHOSE);
            case V2_LIKES_SAMPLE10 -> new V2PartitionedAdapter(PartitionedStream.LIKES_SAMPLE10);
            case V2_LIKES_COMPLIANCE -> new V2PartitionedAdapter(PartitionedStream.LIKES_COMPLIANCE);
            case V2_BATCH_COMPLIANCE -> new V2BatchComplianceAdapter();
        };
    }
}
