package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.v2.CountsParameters;
import io.tweetstream.simulator.v2.InvalidParametersException;
import io.tweetstream.simulator.v2.MatchRates;
import io.tweetstream.simulator.v2.RecentCounts;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /2/tweets/counts/recent}: how many Posts of the last 7 days match a query, per minute, hour or day, from
 * the rate at which the filtered stream's generator makes them ({@link MatchRates}), not from the history: X counts
 * the whole archive, whether or not anyone read it. Bearer token as the other endpoints; {@value #REQUESTS_PER_WINDOW}
 * requests per window, 429 beyond. Not billed, and answered whatever the credit and cap, as on X.
 */
public final class CountsEndpoint implements HttpHandler {

    public static final String PATH = "/2/tweets/counts/recent";
    /** X's app limit of the endpoint, per 15 minutes. */
    static final int REQUESTS_PER_WINDOW = 300;

    private final SimulatorSettings settings;
    private final MatchRates rates;
    private final GetGate gate;
    private final V2Responses responses;
    private final ObjectMapper mapper;

    public CountsEndpoint(SimulatorSettings settings, BearerTokens tokens, MatchRates rates, ObjectMapper mapper) {
        this.settings = settings;
        this.rates = rates;
        BearerAuth auth = new BearerAuth(tokens);
        this.responses = new V2Responses(mapper);
        this.gate = new GetGate(PATH, auth, new RateLimit(REQUESTS_PER_WINDOW, settings.rateLimitWindow()), responses);
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Instant now = Instant.now();
            if (gate.admit(exchange, now) == null) {
                return;
            }
            Map<String, String> query = RequestParameters.query(exchange);
            CountsParameters counts;
            try {
                counts = CountsParameters.parse(query, now, settings.searchQueryMaxLength());
            } catch (InvalidParametersException e) {
                responses.send(exchange, 400, V2Problems.invalidParameters(e));
                return;
            }
            double rate = rates.perSecond(query.get("query"), counts.query());
            responses.send(exchange, 200, RecentCounts.render(
                    RecentCounts.buckets(counts.start(), counts.end(), counts.granularity(), rate), mapper));
        } finally {
            exchange.close();
        }
    }
}
