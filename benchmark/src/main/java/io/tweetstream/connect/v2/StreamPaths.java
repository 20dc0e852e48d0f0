package io.tweetstream.connect.v2;

/**
 * The path and query the connector's v2 client asks for, from its package-private
 * {@link V2Endpoint}, so that the benchmark's plain reader gets the same payloads as the task.
 */
public final class StreamPaths {

    private StreamPaths() {}

    /** E.g. {@code 2/tweets/search/stream?tweet.fields=...&expansions=...}, relative to the base URL. */
    public static String filteredStream() {
        return V2Endpoint.FILTERED.pathAndQuery();
    }
}
