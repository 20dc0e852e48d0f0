package io.tweetstream.simulator;

/** Which API a stream was opened on. */
public enum StreamEndpoint {
    /** {@code POST /1.1/statuses/filter.json}. */
    V1_FILTER("v1.1-filter"),
    /** {@code GET /2/tweets/search/stream}. */
    V2_FILTERED("v2-filtered"),
    /** {@code GET /2/tweets/sample/stream}. */
    V2_SAMPLE("v2-sample");

    private final String label;

    StreamEndpoint(String label) {
        this.label = label;
    }

    /** {@code v1.1-filter}, {@code v2-filtered} or {@code v2-sample}, as in the stats document. */
    public String label() {
        return label;
    }
}
