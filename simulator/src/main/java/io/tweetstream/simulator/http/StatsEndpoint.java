package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.LocationBox;
import io.tweetstream.simulator.rules.RuleBook;
import io.tweetstream.simulator.stream.StreamLedger;

import java.io.IOException;

/**
 * {@code GET /simulator/stats}: the simulator's streams and totals as JSON, for tests and demos that run
 * the simulator in another process. Consumer keys are left out; a connection to a partitioned volume stream names its
 * {@code partition}. {@code tweetsSent} counts v1.1 and v2 tweets, once
 * per connection written to.
 */
public final class StatsEndpoint implements HttpHandler {

    public static final String PATH = "/simulator/stats";

    private final StreamLedger ledger;
    private final RuleBook rules;
    private final ObjectMapper mapper;

    public StatsEndpoint(StreamLedger ledger, RuleBook rules, ObjectMapper mapper) {
        this.ledger = ledger;
        this.rules = rules;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                Responses.send(exchange, 404, Responses.TEXT, "Not found");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                Responses.send(exchange, 405, Responses.TEXT, "Method " + exchange.getRequestMethod() + " not allowed");
            } else {
                Responses.send(exchange, 200, Responses.JSON, mapper.writeValueAsString(stats()));
            }
        } finally {
            exchange.close();
        }
    }

    private ObjectNode stats() {
        ObjectNode stats = mapper.createObjectNode();
        StreamLedger.Totals totals = ledger.totals();
        stats.putObject("totals")
                .put("connectionsAccepted", totals.connectionsAccepted())
                .put("openConnections", totals.openConnections())
                .put("tweetsSent", totals.tweetsSent())
                .put("deletesSent", totals.deletesSent())
                .put("limitNoticesSent", totals.limitNoticesSent())
                .put("noticesSent", totals.noticesSent())
                .put("requestsRejected", totals.requestsRejected())
                .put("v2TweetsSkipped", totals.v2TweetsSkipped())
                .put("v2TweetsDropped", totals.v2TweetsDropped())
                .put("linesInjected", totals.linesInjected())
                .put("faultsApplied", totals.faultsApplied())
                .put("v2Rules", rules.rules().size());
        ArrayNode connections = stats.putArray("connections");
        for (ConnectionInfo info : ledger.connections()) {
            connections.add(connection(info));
        }
        return stats;
    }

    private ObjectNode connection(ConnectionInfo info) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", info.id());
        node.put("endpoint", info.endpoint().label());
        if (info.endpoint().partitioned()) {
            node.put("partition", info.partition());
        }
        ArrayNode track = node.putArray("track");
        info.track().forEach(track::add);
        ArrayNode follow = node.putArray("follow");
        info.follow().forEach(follow::add);
        ArrayNode locations = node.putArray("locations");
        for (LocationBox box : info.locations()) {
            locations.addArray().add(box.swLongitude()).add(box.swLatitude()).add(box.neLongitude()).add(box.neLatitude());
        }
        ArrayNode languages = node.putArray("languages");
        info.languages().forEach(languages::add);
        node.put("open", info.open());
        node.put("tweetsSent", info.tweetsSent());
        node.put("tweetsDropped", info.tweetsDropped());
        node.put("openedAt", info.openedAt().toString());
        if (info.closedAt() == null) {
            node.putNull("closedAt");
        } else {
            node.put("closedAt", info.closedAt().toString());
        }
        return node;
    }
}
