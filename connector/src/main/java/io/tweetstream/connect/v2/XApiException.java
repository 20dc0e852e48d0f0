package io.tweetstream.connect.v2;

/**
 * The X API answered a request with an HTTP error. The message names the request and what X said,
 * and never a credential.
 */
public final class XApiException extends Exception {

    private final int status;
    private final transient ApiResponse response;

    XApiException(int status, String request, ApiResponse response) {
        super("X API answered HTTP " + status + " to " + request + ": " + response.describe());
        this.status = status;
        this.response = response;
    }

    public int status() {
        return status;
    }

    ApiResponse response() {
        return response;
    }
}
