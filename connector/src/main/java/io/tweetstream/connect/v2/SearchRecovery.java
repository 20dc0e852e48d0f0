package io.tweetstream.connect.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.connect.core.GapReports;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamStats;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refills a gap in the filtered stream with recent search: each rule of this connector's tasks up to
 * this task's is searched as the query, newest first and page by page (x-api/posts/search/integrate/
 * paginate.mdx), and every tweet found goes through the same judging, mapping and dedupe as a
 * streamed one, its {@code matching_rules} being the rules whose search found it. Rules of lower
 * tasks are searched too, so that a tweet one of them matched is left to that task, as on the stream.
 *
 * <p>The gap is searched in time slices (by snowflake id), every rule over one slice before the next,
 * so that a tweet that several rules find is written once with all of them, in id order, while no
 * more than a slice's tweets are held. The slice grows while few tweets fill it and shrinks when many
 * do. Requests stay inside X's window ({@code x-rate-limit-*}; 450 per 15 minutes per app): when it is
 * used up the search waits for it to reset.
 */
final class SearchRecovery {

    private static final Logger log = LoggerFactory.getLogger(SearchRecovery.class);
    /** Search has none of these operators (recovery-and-redundancy-features.mdx). */
    private static final Pattern STREAM_ONLY_OPERATORS = Pattern.compile("(^|[\\s(])-?(sample|bio|bio_name|bio_location):");
    private static final Duration FIRST_SLICE = Duration.ofMinutes(1);
    private static final int FEW_TWEETS = 500;
    private static final int MANY_TWEETS = 5_000;
    private static final int MAX_ATTEMPTS = 4;

    private final XApiClient client;
    private final V2MessageHandler handler;
    private final StreamStats stats;
    private final String connector;
    private final int task;
    private final Sleeper sleeper;
    private long requests;

    /** Waits, ending early when the stream closes. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    SearchRecovery(XApiClient client, V2MessageHandler handler, StreamStats stats, String connector, int task,
            Sleeper sleeper) {
        this.client = client;
        this.handler = handler;
        this.stats = stats;
        this.connector = connector;
        this.task = task;
        this.sleeper = sleeper;
    }

    /**
     * Searches the tweets after tweet {@code sinceId} and before {@code untilId}, made in {@code window},
     * and hands those of this task's share to the stream's buffer, telling {@code progress} after each
     * slice up to which id everything is handed over; reports what it cannot search.
     */
    void refill(GapPlan.Window window, long sinceId, long untilId, LongConsumer progress) throws InterruptedException {
        long started = System.nanoTime();
        long requestsBefore = requests;
        long recoveredBefore = stats.get(StreamCounter.RECOVERED);
        List<StreamRule> rules = searchableRules(window);
        if (rules == null) {
            return;
        }
        log.info("Refilling the tweets made from {} to {} by recent search of {} rule(s)", window.from(), window.to(),
                rules.size());
        long since = Math.max(sinceId, Snowflake.lowestIdAt(window.from()) - 1);
        Duration slice = FIRST_SLICE;
        int found = 0;
        while (since < untilId - 1) {
            Instant sliceStart = Snowflake.timeOf(since + 1);
            long sliceUntil = Math.min(untilId, Snowflake.lowestIdAt(sliceStart.plus(slice)));
            TreeMap<Long, Found> merged = new TreeMap<>();
            for (StreamRule rule : new ArrayList<>(rules)) {
                if (!searchSlice(rule, since, sliceUntil, merged)) {
                    rules.remove(rule);
                    GapReports.unrecoverable(stats, "rule '" + rule.value() + "'", sliceStart, window.to(),
                            "X refused its recent search; see the warning before");
                }
            }
            for (Found tweet : merged.values()) {
                BudgetReached.stopIfReached(handler.handle(tweet.json(), true), "a Post budget is reached");
            }
            found += merged.size();
            progress.accept(sliceUntil - 1);
            slice = merged.size() < FEW_TWEETS ? slice.multipliedBy(2)
                    : merged.size() > MANY_TWEETS && slice.toMillis() > 2_000 ? slice.dividedBy(2) : slice;
            since = sliceUntil - 1;
        }
        stats.increment(StreamCounter.GAPS_REFILLED);
        log.info("Recent search refilled the tweets made from {} to {}: {} found, {} of this task's share, in {} requests"
                + " and {} s", window.from(), window.to(), found, stats.get(StreamCounter.RECOVERED) - recoveredBefore,
                requests - requestsBefore, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** This connector's rules of tasks up to this one that search can run; null when there are none to search. */
    private List<StreamRule> searchableRules(GapPlan.Window window) throws InterruptedException {
        List<StreamRule> all;
        try {
            all = withRetries(client::rules);
        } catch (XApiException | IOException e) {
            GapReports.unrecoverable(stats, "the filtered stream", window.from(), window.to(),
                    "the rules to search could not be listed: " + e.getMessage());
            return null;
        }
        List<StreamRule> rules = new ArrayList<>();
        for (StreamRule rule : all) {
            Optional<RuleTag> tag = RuleTag.parse(rule.tag());
            if (tag.isEmpty() || !tag.get().connector().equals(connector) || tag.get().task() > task) {
                continue;
            }
            if (STREAM_ONLY_OPERATORS.matcher(rule.value()).find()) {
                GapReports.unrecoverable(stats, "rule '" + rule.value() + "'", window.from(), window.to(),
                        "recent search has no sample:, bio:, bio_name: or bio_location: operator");
                continue;
            }
            rules.add(rule);
        }
        if (rules.isEmpty()) {
            GapReports.unrecoverable(stats, "the filtered stream", window.from(), window.to(),
                    "X holds no searchable rule of connector '" + connector + "'");
            return null;
        }
        return rules;
    }

    /** Adds what {@code rule} finds in the slice to {@code merged}; false when X refuses to search it. */
    private boolean searchSlice(StreamRule rule, long sinceId, long untilId, Map<Long, Found> merged)
            throws InterruptedException {
        String token = null;
        do {
            String pageToken = token;
            SearchPage page;
            try {
                page = withRetries(() -> client.search(rule.value(), sinceId, untilId, pageToken));
            } catch (XApiException e) {
                log.warn("X refused the recent search of rule '{}' (tag {}): {}", rule.value(), rule.tag(), e.getMessage());
                return false;
            } catch (IOException e) {
                log.warn("Recent search of rule '{}' failed {} times: {}", rule.value(), MAX_ATTEMPTS, e.toString());
                return false;
            }
            for (JsonNode message : page.tweets()) {
                long id = message.path("data").path("id").asLong(-1);
                merged.computeIfAbsent(id, key -> new Found((ObjectNode) message)).add(rule);
            }
            waitIfExhausted(page.rateLimit());
            token = page.nextToken();
        } while (token != null);
        return true;
    }

    private interface Call<T> {
        T call() throws XApiException, IOException, InterruptedException;
    }

    /** Retries network errors, 5xx and 429 (after X's reset); other refusals are the caller's. */
    private <T> T withRetries(Call<T> call) throws XApiException, IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            requests++;
            try {
                return call.call();
            } catch (XApiException e) {
                if (e.status() == 429 && !BillingRefusal.USAGE_CAP_EXCEEDED.equals(e.response().title())) {
                    Instant reset = e.rateLimit().resetAt();
                    Duration wait = reset != null && reset.isAfter(Instant.now())
                            ? Duration.between(Instant.now(), reset).plusSeconds(1) : Duration.ofMinutes(1);
                    log.info("Recent search is rate-limited (HTTP 429); resuming in {} s", wait.toSeconds());
                    sleeper.sleep(wait);
                    attempt = 0;
                    continue;
                }
                if (e.status() < 500 || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                sleeper.sleep(Duration.ofSeconds(1L << attempt));
            } catch (IOException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                sleeper.sleep(Duration.ofSeconds(1L << attempt));
            }
        }
    }

    private void waitIfExhausted(RateLimit rateLimit) throws InterruptedException {
        Instant now = Instant.now();
        if (rateLimit.exhausted(now)) {
            Duration wait = Duration.between(now, rateLimit.resetAt()).plusSeconds(1);
            log.info("Recent search used up X's request window; resuming in {} s, when it resets", wait.toSeconds());
            sleeper.sleep(wait);
        }
    }

    /** A tweet found in the slice, with every rule whose search found it. */
    private static final class Found {
        private final ObjectNode node;
        private final ArrayNode rules;

        Found(ObjectNode node) {
            this.node = node;
            this.rules = node.putArray("matching_rules");
        }

        void add(StreamRule rule) {
            rules.addObject().put("id", rule.id()).put("tag", rule.tag() == null ? "" : rule.tag());
        }

        /** The tweet as the stream would have sent it, read by the same handler. */
        byte[] json() {
            try {
                return Json.MAPPER.writeValueAsBytes(node);
            } catch (IOException e) {
                throw new IllegalStateException("A JSON tree always serializes", e);
            }
        }
    }
}
