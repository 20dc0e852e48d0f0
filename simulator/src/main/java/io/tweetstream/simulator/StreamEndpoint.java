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
    /** {@code GET /2/tweets/firehose/stream/lang/en?partition=N}: every English Post, in 8 partitions (Enterprise). */
    V2_FIREHOSE_EN("v2-firehose-en", 8, "en"),
    /** {@code GET /2/tweets/firehose/stream/lang/ja?partition=N}: every Japanese Post, in 2 partitions (Enterprise). */
    V2_FIREHOSE_JA("v2-firehose-ja", 2, "ja"),
    /** {@code GET /2/tweets/firehose/stream/lang/ko?partition=N}: every Korean Post, in 2 partitions (Enterprise). */
    V2_FIREHOSE_KO("v2-firehose-ko", 2, "ko"),
    /** {@code GET /2/tweets/firehose/stream/lang/pt?partition=N}: every Portuguese Post, in 2 partitions (Enterprise). */
    V2_FIREHOSE_PT("v2-firehose-pt", 2, "pt"),
    /**
     * {@code GET /2/tweets/compliance/stream?partition=N}: X's Post compliance stream (deletes, edits, withholdings,
     * drops and undrops of Posts) in 4 partitions (Enterprise).
     */
    V2_TWEET_COMPLIANCE("v2-tweet-compliance", 4),
    /**
     * {@code GET /2/users/compliance/stream?partition=N}: X's User compliance stream (deletes, protections, suspensions,
     * withholdings and profile changes of users, and their geo scrubs) in 4 partitions (Enterprise).
     */
    V2_USER_COMPLIANCE("v2-user-compliance", 4),
    /** {@code GET /2/likes/firehose/stream?partition=N}: every public Like, split into 20 partitions (Enterprise). */
    V2_LIKES_FIREHOSE("v2-likes-firehose", 20),
    /** {@code GET /2/likes/sample10/stream?partition=N}: a 10% sample of the Likes in 2 partitions (Enterprise). */
    V2_LIKES_SAMPLE10("v2-likes-sample10", 2),
    /**
     * {@code GET /2/likes/compliance/stream}: X's Likes compliance stream (the Likes users removed), not partitioned
     * (Enterprise).
     */
    V2_LIKES_COMPLIANCE("v2-likes-compliance", 0);

    private final String label;
    private final int partitions;
    /** The language a language firehose carries; null for the other streams. */
    private final String language;

    StreamEndpoint(String label, int partitions) {
        this(label, partitions, null);
    }

    StreamEndpoint(String label, int partitions, String language) {
        this.label = label;
        this.partitions = partitions;
        this.language = language;
    }

    /** The language ({@code lang}) of every Post of a language firehose; null for the other streams. */
    public String language() {
        return language;
    }

    /** The volume streams: the firehose, its language variants and sample10, which share one world of Posts. */
    public boolean volume() {
        return this == V2_FIREHOSE || this == V2_SAMPLE10 || language != null;
    }

    /** X's compliance streams, Post, User and Likes, which carry compliance events rather than Posts. */
    public boolean compliance() {
        return this == V2_TWEET_COMPLIANCE || this == V2_USER_COMPLIANCE || this == V2_LIKES_COMPLIANCE;
    }

    /**
     * X's Likes streams, firehose and sample10, which carry Likes rather than Posts (not the Likes compliance stream,
     * which carries the Likes removed: {@link #compliance()}).
     */
    public boolean likes() {
        return this == V2_LIKES_FIREHOSE || this == V2_LIKES_SAMPLE10;
    }

    /**
     * {@code v1.1-filter}, {@code v2-filtered}, {@code v2-sample}, {@code v2-firehose}, {@code v2-sample10},
     * {@code v2-firehose-en} (and {@code -ja}, {@code -ko}, {@code -pt}), {@code v2-tweet-compliance},
     * {@code v2-user-compliance}, {@code v2-likes-firehose}, {@code v2-likes-sample10} or {@code v2-likes-compliance},
     * as in the stats document.
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
     * Whether a connection must name a partition: X's volume streams, Post and User compliance streams and Likes
     * streams, sold for parallel consumption. The Likes compliance stream has none: X refuses a {@code partition} on it
     * as any parameter it does not take.
     */
    public boolean partitioned() {
        return partitions > 0;
    }
}
