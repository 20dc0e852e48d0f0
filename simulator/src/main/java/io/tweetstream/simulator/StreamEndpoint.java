package io.tweetstream.simulator;

/** Which API a stream was opened on. */
public enum StreamEndpoint {
    /** {@code POST /1.1/statuses/filter.json}. */
    V1_FILTER("v1.1-filter", 0),
    /** {@code GET /2/tweets/search/stream}. */
    V2_FILTERED("v2-filtered", 0),
    /** {@code GET /2/tweets/sample/stream}. */
    V2_SAMPLE("v2-sample", 0),
    /** {@code GET /2/tweets/firehose/stream?partition=N}: every public Post, split into 20 partitions (Enterprise). */
    V2_FIREHOSE("v2-firehose", 20),
    /** {@code GET /2/tweets/sample10/stream?partition=N}: a 10% sample of the firehose in 2 partitions (Enterprise). */
    V2_SAMPLE10("v2-sample10", 2),
    /**
     * {@code GET /2/tweets/compliance/stream?partition=N}: X's Post compliance stream (deletes, edits, withholdings,
     * drops and undrops of Posts) in 4 partitions (Enterprise).
     */
    V2_TWEET_COMPLIANCE("v2-tweet-compliance", 4);

    private final String label;
    private final int partitions;

    StreamEndpoint(String label, int partitions) {
        this.label = label;
        this.partitions = partitions;
    }

    /**
     * {@code v1.1-filter}, {@code v2-filtered}, {@code v2-sample}, {@code v2-firehose}, {@code v2-sample10} or
     * {@code v2-tweet-compliance}, as in the stats document.
     */
    public String label() {
        return label;
    }

    /**
     * How many partitions X splits the stream into (a connection names one of {@code 1..partitions()} and gets only its
     * share); 0 for a stream that is not partitioned.
     */
    public int partitions() {
        return partitions;
    }

    /**
     * Whether a connection must name a partition: X's volume streams and compliance streams, sold for parallel
     * consumption.
     */
    public boolean partitioned() {
        return partitions > 0;
    }
}
