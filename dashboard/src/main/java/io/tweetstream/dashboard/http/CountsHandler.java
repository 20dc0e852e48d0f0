package io.tweetstream.dashboard.http;

import io.tweetstream.dashboard.count.CountStore;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** {@code GET /api/counts?since=<epoch ms>}: the series of the windows starting at or after {@code since} (all without it). */
final class CountsHandler extends GetHandler {

    private final CountStore store;
    /** Says whether a second has ended when the job gave no lag. */
    private final Clock clock;

    CountsHandler(CountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    boolean serves(String path) {
        return path.equals("/api/counts");
    }

    @Override
    Response respond(URI uri) {
        long since;
        try {
            since = since(uri.getRawQuery());
        } catch (NumberFormatException e) {
            return Response.text(400, "since must be a time in epoch milliseconds, e.g. since=" + System.currentTimeMillis());
        }
        return Response.json(200, CountsJson.render(store.since(since, clock.millis()), since));
    }

    private static long since(String rawQuery) {
        if (rawQuery == null) {
            return 0;
        }
        for (String parameter : rawQuery.split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (URLDecoder.decode(name, StandardCharsets.UTF_8).equals("since")) {
                String value = equals < 0 ? "" : URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
                return Long.parseLong(value.strip());
            }
        }
        return 0;
    }
}
