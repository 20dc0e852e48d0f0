package io.tweetstream.connect.v2;

/**
 * The X API answered a request with an HTTP error. The message names the request and what X said,
 * and never a credential.
 */
public final class XApiException extends Exception {

    private final int status;
    private final transient ApiResponse response;
    private final transient RateLimit rateLimit;

    XApiException(int status, String request, ApiResponse response) {
        this(status, request, response, RateLimit.UNKNOWN);
    }

    XApiException(int status, String request, ApiResponse response, RateLimit rateLimit) {
        this("X API answered HTTP " + status + " to " + request + ": " + response.describe(), status, response, rateLimit);
    }

    private XApiException(String message, int status, ApiResponse response, RateLimit rateLimit) {
        super(message);
        this.status = status;
        this.response = response;
        this.rateLimit = rateLimit;
    }

    /** A proxy on the way answered HTTP 407: X never saw the request; {@code what} says what to do. */
    static XApiException proxyRefused(String request, String what) {
        return new XApiException("Could not send " + request + " to X: " + what, 407,
                new ApiResponse(null, null, null, null, null, null), RateLimit.UNKNOWN);
    }

    public int status() {
        return status;
    }

    ApiResponse response() {
        return response;
    }

    /** What the response's {@code x-rate-limit-*} headers said; when to retry after a 429. */
    RateLimit rateLimit() {
        return rateLimit;
    }
}
