package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.tweetstream.simulator.SearchRequest;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.billing.AppBilling;
import io.tweetstream.simulator.billing.Billing;
import io.tweetstream.simulator.stream.StreamLedger;
import io.tweetstream.simulator.stream.TweetHistory;
import io.tweetstream.simulator.stream.V2Tweet;
import io.tweetstream.simulator.v2.HistoricMatches;
import io.tweetstream.simulator.v2.InvalidParametersException;
import io.tweetstream.simulator.v2.SearchPage;
import io.tweetstream.simulator.v2.SearchParameters;
import io.tweetstream.simulator.v2.V2Payload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /2/tweets/search/recent}: the filtered stream's history of the last 7 days searched with a query in the
 * rule language, newest first, paged with {@code next_token}, rendered as the stream renders a tweet. Bearer token as
 * the streams; {@link SimulatorSettings#searchRequestsPerWindow()} requests per window with X's headers, 429 beyond.
 * Every Post of a page's {@code data} is billed to the token's app ({@link Billing}); with the credit spent or the cap
 * reached the answer is X's 402 or 429, and a page the credit runs out in holds only the Posts it paid for (its
 * {@code next_token} goes on from there). Every request is recorded as a {@link SearchRequest}.
 */
public final class SearchEndpoint extends ClosingHandler {

    public static final String PATH = "/2/tweets/search/recent";

    private static final Logger log = LoggerFactory.getLogger(SearchEndpoint.class);

    private final SimulatorSettings settings;
    private final TweetHistory history;
    private final StreamLedger ledger;
    private final BearerAuth auth;
    private final RateLimit limit;
    private final V2Responses responses;
    private final SearchPage pages;
    private final Billing billing;
    private final String accountId;

    /** @param accountId the X account named in the 402 of spent credits */
    public SearchEndpoint(SimulatorSettings settings, BearerTokens tokens, TweetHistory history, StreamLedger ledger, V2Payload payload,
                          ObjectMapper mapper, Billing billing, String accountId) {
        this.settings = settings;
        this.billing = billing;
        this.accountId = accountId;
        this.history = history;
        this.ledger = ledger;
        this.auth = new BearerAuth(tokens);
        this.limit = new RateLimit(settings.searchRequestsPerWindow(), settings.rateLimitWindow());
        this.responses = new V2Responses(mapper);
        this.pages = new SearchPage(payload, mapper);
    }

    @Override
    void serve(HttpExchange exchange) throws IOException {
        Instant now = Instant.now();
        Map<String, String> query = RequestParameters.query(exchange);
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
            answer(exchange, now, query, 401, V2Problems.unauthorized(), 0);
            return;
        }
        RateLimit.Admission admission = limit.take(now);
        admission.putHeaders(exchange);
        if (!admission.allowed()) {
            log.info("Refused a search from {}: {} requests in this window already", exchange.getRemoteAddress(),
                    admission.limit());
            answer(exchange, now, query, 429, V2Problems.tooManyRequests(), 0);
            return;
        }
        AppBilling app = billing.forApp(auth.appId(authorization));
        Optional<Billing.Refusal> refusal = app.refusal();
        if (refusal.isPresent()) {
            log.info("Refused a search from {}: {}", exchange.getRemoteAddress(), refusal.get());
            answer(exchange, now, query, V2Problems.statusOf(refusal.get()),
                    V2Problems.billingRefusal(refusal.get(), accountId), 0);
            return;
        }
        SearchParameters search;
        try {
            search = SearchParameters.parse(query, now, settings.searchQueryMaxLength());
        } catch (InvalidParametersException e) {
            answer(exchange, now, query, 400, V2Problems.invalidParameters(e), 0);
            return;
        }
        List<V2Tweet> found = history.newestBelow(search.belowId(), search.maxResults() + 1,
                tweet -> tweet.id() > search.sinceId() && !tweet.createdAt().isBefore(search.start())
                        && tweet.createdAt().isBefore(search.end()) && HistoricMatches.matches(tweet, search.query()));
        List<V2Tweet> page = paidFor(found.subList(0, Math.min(found.size(), search.maxResults())), app);
        if (page.isEmpty() && !found.isEmpty() && app.refusal().isPresent()) {
            Billing.Refusal spent = app.refusal().get();
            answer(exchange, now, query, V2Problems.statusOf(spent), V2Problems.billingRefusal(spent, accountId), 0);
            return;
        }
        String next = found.size() > page.size() ? SearchParameters.nextToken(page.get(page.size() - 1).id()) : null;
        answer(exchange, now, query, 200, pages.render(page, search.fields(), next), page.size());
    }

    /** The first Posts of {@code page} the app is billed for: all, unless its credit or cap runs out on the way. */
    private static List<V2Tweet> paidFor(List<V2Tweet> page, AppBilling app) {
        for (int i = 0; i < page.size(); i++) {
            if (!app.bill(page.get(i).id())) {
                return page.subList(0, i);
            }
        }
        return page;
    }

    private void answer(HttpExchange exchange, Instant at, Map<String, String> query, int status, ObjectNode body,
                        int results) throws IOException {
        ledger.searched(new SearchRequest(at, query, status, results));
        responses.send(exchange, status, body);
    }
}
