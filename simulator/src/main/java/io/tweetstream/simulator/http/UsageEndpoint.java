package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.billing.Billing;
import io.tweetstream.simulator.v2.InvalidParametersException;
import io.tweetstream.simulator.v2.UsageParameters;
import io.tweetstream.simulator.v2.UsageReport;

import java.io.IOException;
import java.time.Instant;

/**
 * {@code GET /2/usage/tweets}: the project's Post usage from the {@link Billing} ledger, as X reports it to the app
 * whose bearer token asks. {@value #REQUESTS_PER_WINDOW} requests per window with X's headers, 429 beyond. Answers
 * whatever the credit and cap: it is how a client finds out about them.
 */
public final class UsageEndpoint implements HttpHandler {

    public static final String PATH = "/2/usage/tweets";
    /** X's limit of the endpoint, per app and 15 minutes. */
    static final int REQUESTS_PER_WINDOW = 50;

    private final Billing billing;
    private final BearerAuth auth;
    private final GetGate gate;
    private final V2Responses responses;
    private final ObjectMapper mapper;

    public UsageEndpoint(SimulatorSettings settings, BearerTokens tokens, Billing billing, ObjectMapper mapper) {
        this.billing = billing;
        this.auth = new BearerAuth(tokens);
        this.responses = new V2Responses(mapper);
        this.gate = new GetGate(PATH, auth, new RateLimit(REQUESTS_PER_WINDOW, settings.rateLimitWindow()), responses);
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String authorization = gate.admit(exchange, Instant.now());
            if (authorization == null) {
                return;
            }
            UsageParameters parameters;
            try {
                parameters = UsageParameters.parse(RequestParameters.query(exchange));
            } catch (InvalidParametersException e) {
                responses.send(exchange, 400, V2Problems.invalidParameters(e));
                return;
            }
            Billing.Usage usage = billing.usage(auth.appId(authorization), parameters.days());
            responses.send(exchange, 200, UsageReport.render(usage, parameters, mapper));
        } finally {
            exchange.close();
        }
    }
}
