package io.tweetstream.connect.v2;

/** What the lines of a v2 stream are, which says how the handler reads them and what the task writes. */
enum V2Messages {

    /** Posts (the filtered, sample and volume streams): tweet records. */
    POSTS,
    /** Compliance events (the Post and User compliance streams): tombstones and compliance notices. */
    COMPLIANCE,
    /** Like events (the likes firehose and sample10): like records. */
    LIKES
}
