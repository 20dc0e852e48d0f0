package io.tweetstream.dashboard.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.dashboard.count.CountIngester;
import io.tweetstream.dashboard.count.CountStore;
import io.tweetstream.dashboard.kafka.CountsConsumer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 while the consumer reads the topic, 503 while it waits for the topic,
 * retries the broker or has stopped; the body says which, with what has been read.
 */
final class HealthHandler extends GetHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String topic;
    private final Supplier<CountsConsumer.State> consumerState;
    private final CountIngester ingester;
    private final CountStore store;

    HealthHandler(String topic, Supplier<CountsConsumer.State> consumerState, CountIngester ingester, CountStore store) {
        this.topic = topic;
        this.consumerState = consumerState;
        this.ingester = ingester;
        this.store = store;
    }

    @Override
    boolean serves(String path) {
        return path.equals("/health");
    }

    @Override
    Response respond(URI uri) {
        CountsConsumer.State state = consumerState.get();
        boolean up = state == CountsConsumer.State.CONSUMING;
        CountIngester.Stats stats = ingester.stats();
        ObjectNode body = MAPPER.createObjectNode()
                .put("status", up ? "UP" : "DOWN")
                .put("consumer", state.name())
                .put("topic", topic)
                .put("records_accepted", stats.accepted())
                .put("records_skipped", stats.skipped())
                .put("records_expired", stats.expired())
                .put("records_outdated", stats.outdated())
                .put("windows", store.windowCount())
                .put("counts", store.size());
        return Response.json(up ? 200 : 503, body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
