package io.tweetstream.connect.v2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamEvent.GapEndsAt;
import io.tweetstream.connect.core.StreamEvent.TweetReceived;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.cost.PostBudget;
import io.tweetstream.connect.tweet.Like;
import io.tweetstream.connect.tweet.Tweet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each line of a v2 stream into what the task writes: a tweet of this task's share goes to the
 * buffer with its matched phrases; a line that cannot be read, a tweet that lacks what the record
 * needs, and an error message from X are logged and counted, never written. A tweet whose referenced
 * tweet or author X left out is written with what there is, and counted. The stream's reader and its
 * gap filler use it at once: it keeps no state but what is safe to share.
 */
final class V2MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(V2MessageHandler.class);
    private static final ObjectReader READER = Json.MAPPER.readerFor(StreamMessage.class);
    private static final int LOGGED_LINE_CHARS = 200;

    private final EventBuffer buffer;
    private final StreamStats stats;
    private final TaskShare share;
    private final boolean keepRawJson;
    private final PostBudget budget;
    /** What the stream's lines are. */
    private final V2Messages messages;
    /** The newest tweet id the stream delivered, whoever writes it; where a gap after it begins. */
    private volatile long newestSeenId = -1;
    /** On a connection that asked for backfill, tweets made before it opened are the backfill. */
    private volatile long backfillBelowId = -1;
    /** The gap whose end the connection's first live tweet marks; -1 for none. */
    private volatile long gapEndingAtFirstTweet = -1;
    /** Told the id of each live tweet, as it arrives. */
    private final LongConsumer liveTweets;

    /** @param share the task's share of the filtered stream, or null for the sample stream */
    V2MessageHandler(EventBuffer buffer, StreamStats stats, TaskShare share, boolean keepRawJson, PostBudget budget) {
        this(buffer, stats, share, keepRawJson, budget, V2Messages.POSTS);
    }

    /** @param messages what the lines are: Posts, compliance events ({@link ComplianceEvents}) or Likes */
    V2MessageHandler(EventBuffer buffer, StreamStats stats, TaskShare share, boolean keepRawJson, PostBudget budget,
            V2Messages messages) {
        this(buffer, stats, share, keepRawJson, budget, messages, id -> { });
    }

    /** @param liveTweets told the id of each tweet that arrives live (not refilled), in the order they arrive */
    V2MessageHandler(EventBuffer buffer, StreamStats stats, TaskShare share, boolean keepRawJson, PostBudget budget,
            V2Messages messages, LongConsumer liveTweets) {
        this.liveTweets = liveTweets;
        this.messages = messages;
        this.budget = budget;
        this.buffer = buffer;
        this.stats = stats;
        this.share = share;
        this.keepRawJson = keepRawJson;
    }

    /**
     * What a line asked of the connection: go on, reconnect (X disconnected it), or stop reading, as
     * the Post it carried reached a budget (the Post itself is handed over: X billed it).
     */
    enum Outcome { CONTINUE, DISCONNECTED_BY_X, BUDGET_REACHED }

    /** The newest tweet id delivered so far, or -1 before the first. */
    long newestSeenId() {
        return newestSeenId;
    }

    /** Marks the tweets of the connection just opened with ids below {@code id} as backfill; -1 for none. */
    void backfillBelow(long id) {
        backfillBelowId = id;
    }

    /** The first live tweet of the connection just opened marks where gap {@code key} ends. */
    void endGapAtFirstTweet(long key) {
        gapEndingAtFirstTweet = key;
    }

    Outcome handle(byte[] line) throws InterruptedException {
        return handle(line, false);
    }

    /**
     * @param recovered whether the line refills a gap (a Recovery stream, or a tweet found by recent
     *     search, with the rules that found it as its matching rules) rather than arrived live
     */
    Outcome handle(byte[] line, boolean recovered) throws InterruptedException {
        if (messages == V2Messages.COMPLIANCE) {
            return handleCompliance(line, recovered);
        }
        if (messages == V2Messages.LIKES) {
            return handleLike(line, recovered);
        }
        StreamMessage message;
        try {
            message = READER.readValue(line);
        } catch (JsonProcessingException e) {
            skip("could not be read as JSON (" + e.getOriginalMessage() + ")", line);
            return Outcome.CONTINUE;
        } catch (IOException e) {
            skip("could not be read (" + e + ")", line);
            return Outcome.CONTINUE;
        }
        if (message.data() == null) {
            return onErrors(message.problems(), line);
        }
        handleTweet(message, line, recovered);
        return budget.exhausted() ? Outcome.BUDGET_REACHED : Outcome.CONTINUE;
    }

    private void handleTweet(StreamMessage message, byte[] line, boolean recovered) throws InterruptedException {
        long id = parseId(message.data().id());
        // X bills every Post it sends, whichever task writes it and whoever's rule it matched.
        budget.bill(id);
        if (!recovered) {
            arrivedLive(id);
        }
        boolean refill = recovered || (id >= 0 && id < backfillBelowId);
        List<String> keywords = List.of();
        if (share != null) {
            TaskShare.Verdict verdict = share.judge(message.rules());
            if (verdict instanceof TaskShare.Verdict.OtherTask) {
                stats.increment(StreamCounter.LEFT_TO_OTHER_TASKS);
                return;
            }
            if (verdict instanceof TaskShare.Verdict.NotOurs) {
                stats.increment(StreamCounter.UNMATCHED);
                log.debug("Tweet {} matched only rules of other users of the app", message.data().id());
                return;
            }
            keywords = ((TaskShare.Verdict.Write) verdict).keywords();
        }
        Tweet tweet;
        try {
            tweet = V2TweetMapper.toTweet(message.data(), message.includes(),
                    keepRawJson ? new String(line, StandardCharsets.UTF_8) : null);
        } catch (V2TweetMapper.MalformedTweetException e) {
            skip("lacks what the record needs: " + e.getMessage(), line);
            return;
        }
        if (tweet.lacksReferencedContent()) {
            // Partial errors: a referenced tweet or user X could not include (deleted, protected). The
            // record is written with what there is (a retweet keeps the original's id and X's text).
            stats.increment(StreamCounter.INCOMPLETE_REFERENCES);
            log.debug("Tweet {} is written without part of what it refers to; X said: {}", tweet.id(),
                    message.problems());
        } else if (!message.problems().isEmpty()) {
            log.debug("Tweet {} came with partial errors: {}", tweet.id(), message.problems());
        }
        stats.increment(refill ? StreamCounter.RECOVERED : StreamCounter.TWEETS_RECEIVED);
        buffer.put(new TweetReceived(tweet, keywords, refill));
    }

    /**
     * A line of a likes stream: the Like goes to the buffer after the position it reaches, its time standing for
     * the id a Post made then would have, so that gaps are measured and refilled as on the Post streams; the task
     * drops a Like it wrote already by its id. An error message is logged and counted, as on the Post streams.
     */
    private Outcome handleLike(byte[] line, boolean recovered) throws InterruptedException {
        DataOrOutcome read = dataOf(line);
        if (read.data() == null) {
            return read.outcome();
        }
        Optional<Like> like = LikeEvents.read(read.data(), keepRawJson ? new String(line, StandardCharsets.UTF_8) : null);
        if (like.isEmpty()) {
            skip("is not a Like X documents the shape of", line);
            return Outcome.CONTINUE;
        }
        long position = Snowflake.lowestIdAt(like.get().likedAt());
        if (!recovered) {
            arrivedLive(position);
        }
        boolean refill = recovered || (position >= 0 && position < backfillBelowId);
        stats.increment(refill ? StreamCounter.RECOVERED : StreamCounter.LIKES_RECEIVED);
        buffer.put(new StreamEvent.PositionReached(position, like.get().likedAt()));
        buffer.put(new StreamEvent.LikeReceived(like.get(), position, refill));
        return Outcome.CONTINUE;
    }

    /** A line's {@code data}, or, when it has none, what its handling (a skip, X's errors) asks of the connection. */
    private record DataOrOutcome(JsonNode data, Outcome outcome) {}

    /** The {@code data} of a line that is not a Post (a compliance event, a Like). */
    private DataOrOutcome dataOf(byte[] line) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(line);
        } catch (IOException e) {
            skip("could not be read as JSON (" + e.getMessage() + ")", line);
            return new DataOrOutcome(null, Outcome.CONTINUE);
        }
        if (root == null || !root.has("data")) {
            return new DataOrOutcome(null, onErrorsIn(root, line));
        }
        return new DataOrOutcome(root.get("data"), Outcome.CONTINUE);
    }

    /** A line without {@code data}: X's errors, or a line nothing here can read. */
    private Outcome onErrorsIn(JsonNode root, byte[] line) {
        StreamMessage message;
        try {
            message = Json.MAPPER.treeToValue(root, StreamMessage.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            skip("holds neither data nor errors", line);
            return Outcome.CONTINUE;
        }
        return onErrors(message == null ? List.of() : message.problems(), line);
    }

    /**
     * A line of the Post compliance stream: its events go to the buffer after the position they
     * reach, an event's time standing for the id a Post made then would have, so that the gap after a
     * reconnect or a restart is measured and refilled as on the Post streams.
     */
    private Outcome handleCompliance(byte[] line, boolean recovered) throws InterruptedException {
        DataOrOutcome data = dataOf(line);
        if (data.data() == null) {
            return data.outcome();
        }
        Optional<ComplianceEvents.Read> read = ComplianceEvents.read(data.data());
        if (read.isEmpty()) {
            skip("is not a compliance event X documents", line);
            return Outcome.CONTINUE;
        }
        long position = Snowflake.lowestIdAt(read.get().eventAt());
        if (!recovered) {
            arrivedLive(position);
        }
        buffer.put(new StreamEvent.PositionReached(position, read.get().eventAt()));
        for (StreamEvent event : read.get().events()) {
            stats.increment(StreamCounter.COMPLIANCE_EVENTS);
            buffer.put(event);
        }
        if (read.get().notApplied() != null) {
            stats.increment(StreamCounter.COMPLIANCE_NOT_APPLIED);
            log.info("Compliance: {} ({} such events so far)", read.get().notApplied(),
                    stats.get(StreamCounter.COMPLIANCE_NOT_APPLIED));
        }
        return Outcome.CONTINUE;
    }

    /**
     * A live message at {@code id} (a Post's, or the moment of a compliance event as an id): the
     * newest the stream delivered, and the end of the gap the connection's first live message marks.
     */
    private void arrivedLive(long id) throws InterruptedException {
        newestSeenId = Math.max(newestSeenId, id);
        liveTweets.accept(id);
        long gap = gapEndingAtFirstTweet;
        if (gap >= 0 && id >= 0) {
            gapEndingAtFirstTweet = -1;
            buffer.put(new GapEndsAt(gap, id));
        }
    }

    private static long parseId(String id) {
        try {
            return id == null ? -1 : Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Outcome onErrors(List<ApiProblem> problems, byte[] line) {
        if (problems.isEmpty()) {
            skip("holds neither a tweet nor errors", line);
            return Outcome.CONTINUE;
        }
        boolean disconnect = false;
        for (ApiProblem problem : problems) {
            stats.increment(StreamCounter.STREAM_ERRORS);
            if (problem.isOperationalDisconnect()) {
                disconnect = true;
                log.warn("X disconnected the stream for operational reasons ({}); reconnecting ({} stream errors"
                        + " so far)", problem.disconnectType(), stats.get(StreamCounter.STREAM_ERRORS));
            } else {
                log.warn("X sent an error in the stream: {} ({} stream errors so far)", problem.describe(),
                        stats.get(StreamCounter.STREAM_ERRORS));
            }
        }
        return disconnect ? Outcome.DISCONNECTED_BY_X : Outcome.CONTINUE;
    }

    private void skip(String why, byte[] line) {
        stats.increment(StreamCounter.SKIPPED_MESSAGES);
        String text = new String(line, 0, Math.min(line.length, LOGGED_LINE_CHARS * 4), StandardCharsets.UTF_8);
        if (text.length() > LOGGED_LINE_CHARS) {
            text = text.substring(0, LOGGED_LINE_CHARS) + "...";
        }
        log.warn("Skipped a stream message that {} ({} skipped so far): {}", why, stats.get(StreamCounter.SKIPPED_MESSAGES), text);
    }
}
