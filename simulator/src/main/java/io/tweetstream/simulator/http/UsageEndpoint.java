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
    private final RateLimit limit;
    private final V2Responses responses;
    private final ObjectMapper mapper;

    public UsageEndpoint(SimulatorSettings settings, Billing billing, ObjectMapper mapper) {
        this.billing = billing;
        this.auth = new BearerAuth(settings.acceptedBearerTokens());
        this.limit = new RateLimit(REQUESTS_PER_WINDOW, settings.rateLimitWindow());
        this.responses = new V2Responses(mapper);
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                responses.send(exchange, 404, V2Problems.plain("Not Found Error", 404, "Not Found"));
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                responses.send(exchange, 405, V2Problems.plain("Method Not Allowed", 405, "Method Not Allowed"));
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!auth.accepts(authorization)) {
                responses.send(exchange, 401, V2Problems.unauthorized());
                return;
            }
            RateLimit.Admission admission = limit.take(Instant.now());
            admission.putHeaders(exchange);
            if (!admission.allowed()) {
                responses.send(exchange, 429, V2Problems.tooManyRequests());
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
