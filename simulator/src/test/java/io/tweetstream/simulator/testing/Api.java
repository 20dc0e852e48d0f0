package io.tweetstream.simulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.StreamSimulator;

import java.io.IOException;

/** The two APIs a fault test runs against: v1.1 {@code statuses/filter} and the v2 filtered stream (one rule). */
public enum Api {
    V1(StreamEndpoint.V1_FILTER),
    V2(StreamEndpoint.V2_FILTERED);

    public static final String V1_FORM = "track=kafka";

    private final StreamEndpoint endpoint;

    Api(StreamEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public StreamEndpoint endpoint() {
        return endpoint;
    }

    /** Opens a stream over the JDK's HttpClient (adding the v2 rule first if there is none). */
    public StreamClient open(StreamSimulator simulator) throws IOException, InterruptedException {
        if (this == V1) {
            return StreamClient.open(simulator, V1_FORM);
        }
        ensureRule(simulator);
        return new V2Client(simulator).open(V2Client.FILTERED);
    }

    /** Opens a stream over a plain socket, to see the bytes on the wire. */
    public RawStream openRaw(StreamSimulator simulator) throws IOException, InterruptedException {
        if (this == V1) {
            return RawStream.open(simulator.port(), "POST /1.1/statuses/filter.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: " + StreamClient.OAUTH + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + V1_FORM.length() + "\r\n\r\n"
                    + V1_FORM);
        }
        ensureRule(simulator);
        return RawStream.open(simulator.port(), "GET /" + V2Client.FILTERED + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + V2Client.TOKEN + "\r\n\r\n");
    }

    /** Whether a message of this API is a tweet. */
    public boolean isTweet(JsonNode message) {
        return this == V1 ? message.has("text") && message.has("id_str") : message.has("data");
    }

    private static void ensureRule(StreamSimulator simulator) throws IOException, InterruptedException {
        if (simulator.rules().isEmpty()) {
            new V2Client(simulator).addRule("kafka", null);
        }
    }
}
