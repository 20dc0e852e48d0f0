package io.tweetstream.benchmark;

import io.tweetstream.connect.v2.StreamPaths;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a simulator stream as fast as the socket allows and throws the bytes away: with no client
 * work behind it, the rate the simulator then sends is its own ceiling on this machine.
 */
final class StreamDrain implements AutoCloseable {

    private final Thread reader;
    private volatile InputStream body;
    private volatile boolean closed;

    private StreamDrain(HttpRequest request) {
        this.reader = new Thread(() -> drain(request), "stream-drain");
        this.reader.setDaemon(true);
    }

    /** The v2 filtered stream, with the fields the connector asks for. */
    static StreamDrain v2(String baseUrl, String bearerToken) {
        return start(HttpRequest.newBuilder(URI.create(baseUrl + StreamPaths.filteredStream()))
                .header("Authorization", "Bearer " + bearerToken).build());
    }

    /** The v1.1 filter stream for these phrases; the simulator lets in any OAuth header by default. */
    static StreamDrain v1(String baseUrl, List<String> track) {
        String form = "track=" + URLEncoder.encode(String.join(",", track), StandardCharsets.UTF_8);
        return start(HttpRequest.newBuilder(URI.create(baseUrl + "statuses/filter.json"))
                .header("Authorization", "OAuth oauth_consumer_key=\"benchmark\"")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static StreamDrain start(HttpRequest request) {
        StreamDrain drain = new StreamDrain(request);
        drain.reader.start();
        return drain;
    }

    private void drain(HttpRequest request) {
        byte[] buffer = new byte[1 << 16];
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());
            body = response.body();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The stream answered HTTP " + response.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            while (!closed && body.read(buffer) >= 0) {
                // Discarded: only the simulator's count matters.
            }
        } catch (IOException e) {
            if (!closed) {
                throw new IllegalStateException("The stream failed: " + e, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        InputStream open = body;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // Closing a stream that is going away anyway.
            }
        }
    }
}
