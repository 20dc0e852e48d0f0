package io.tweetstream.connect.v1;

/**
 * How to reach a streaming API.
 *
 * @param baseUrl the API's base URL, ending in '/'
 * @param threadName a name unique to this stream, given to the thread group of its reader thread
 * @param readTimeoutMs silence after which the stream counts as stalled and reconnects
 * @param keepRawJson whether to keep each tweet's JSON as received
 */
public record StreamSettings(
        String baseUrl,
        OAuthCredentials credentials,
        String threadName,
        int readTimeoutMs,
        int connectTimeoutMs,
        boolean keepRawJson) {}
