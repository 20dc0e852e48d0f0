package io.tweetstream.simulator.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.ComplianceEvent;
import io.tweetstream.simulator.SentComplianceEvent;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * X's Post compliance stream ({@link StreamEndpoint#V2_TWEET_COMPLIANCE}): the deletes, edits, withholdings, drops and
 * undrops of Posts, each in the partition of the Post id it names ({@code tweet.id}); kept and sent as every
 * {@link ComplianceStream}'s events are.
 * <p>
 * Events are about Posts the simulator streamed on its v2 streams (filtered, sample, firehose, sample10; live,
 * backfill or Recovery): the first time a Post is sent, a draw fixed by its id (and the seed) decides whether it will
 * be deleted ({@link SimulatorSettings#complianceDeleteFraction()}), edited or withheld, and the event is made
 * {@link SimulatorSettings#complianceDelay()} later. Tests make events at once ({@link #delete} and friends). Events
 * are made from the simulator's start whether or not a compliance connection is open. Runs on a thread of its own
 * until the simulator closes. Thread-safe.
 */
public final class PostComplianceStream extends ComplianceStream<ComplianceEvent, SentComplianceEvent>
        implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PostComplianceStream.class);
    private static final long FATE_SALT = 0xFA7E_C0A1L;
    private static final long COUNTRY_SALT = 0xC0_0417L;
    /** Where the simulator's withholdings apply (ISO 3166-1 alpha-2), as {@code withheld_in_countries} names them. */
    static final List<String> COUNTRIES = List.of("DE", "FR", "IN", "TR", "RU", "BR", "GB", "KR");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ToLongFunction<Instant> newIds;
    private final Map<Long, Streamed> streamed;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private long pendingSequence;

    /** A Post streamed: its author and, when it is an edited version, its versions (else {@code null}). */
    private record Streamed(long authorId, List<Long> versions) {
    }

    /** An automatic event waiting for its time. */
    private record Pending(long dueNanos, long sequence, String type, long tweetId) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byDue = Long.compare(dueNanos, other.dueNanos);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }

    /** @param newIds a new Post id for a Post created at the given time: the new version of an edited Post */
    public PostComplianceStream(SimulatorSettings settings, StreamLedger ledger, V2Controls controls,
                                ToLongFunction<Instant> newIds) {
        super(StreamEndpoint.V2_TWEET_COMPLIANCE, settings, ledger, controls);
        this.newIds = newIds;
        int limit = Math.max(1, settings.historyLimit());
        this.streamed = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Streamed> eldest) {
                return size() > limit;
            }
        };
    }

    /**
     * Learns that {@code tweet} was sent on a v2 stream; the first time, draws its fate. Called on the sending thread
     * ({@link StreamLedger#onV2TweetSent}).
     */
    public void streamed(ConnectionState connection, SentTweet tweet) {
        if (connection.endpoint().compliance()) {
            return;
        }
        synchronized (lock) {
            if (streamed.containsKey(tweet.id())) {
                return;
            }
            streamed.put(tweet.id(), new Streamed(tweet.userId(), versionsIn(tweet)));
            String fate = fate(tweet.id());
            if (fate != null) {
                pending.add(new Pending(System.nanoTime() + settings.complianceDelay().toNanos(), pendingSequence++,
                        fate, tweet.id()));
                lock.notifyAll();
            }
        }
    }

    /** The author of a Post streamed (among the most recent {@link SimulatorSettings#historyLimit()}). */
    public Optional<Long> authorOf(long tweetId) {
        synchronized (lock) {
            Streamed post = streamed.get(tweetId);
            return post == null ? Optional.empty() : Optional.of(post.authorId());
        }
    }

    /** Makes a {@code delete} of the Post now. */
    public ComplianceEvent delete(long tweetId, long authorId) {
        return emit(plain(ComplianceEvent.DELETE, tweetId, authorId, now(), false));
    }

    /** Makes a {@code drop} of the Post now. */
    public ComplianceEvent drop(long tweetId, long authorId) {
        return emit(plain(ComplianceEvent.DROP, tweetId, authorId, now(), false));
    }

    /** Makes an {@code undrop} of the Post now. */
    public ComplianceEvent undrop(long tweetId, long authorId) {
        return emit(plain(ComplianceEvent.UNDROP, tweetId, authorId, now(), false));
    }

    /** Makes a {@code withheld} of the Post in {@code countries} now. */
    public ComplianceEvent withhold(long tweetId, long authorId, List<String> countries) {
        return emit(withheld(tweetId, authorId, countries, now(), false));
    }

    /**
     * Makes a {@code tweet_edit} of the Post now: a new version with a new id, after the Post's own versions when it
     * was streamed as an edited version.
     */
    public ComplianceEvent edit(long tweetId, long authorId) {
        return emit(edited(tweetId, authorId, now(), false));
    }

    @Override
    SentComplianceEvent sentRecord(long connectionId, int partition, Instant sentAt, ComplianceEvent event) {
        return new SentComplianceEvent(connectionId, partition, sentAt, event);
    }

    @Override
    public void run() {
        Thread.currentThread().setName("tweetstream-simulator-compliance");
        try {
            while (true) {
                Pending due = awaitDue();
                if (due == null) {
                    return;
                }
                try {
                    Instant at = now();
                    long author = authorOf(due.tweetId()).orElse(0L);
                    emit(switch (due.type()) {
                        case ComplianceEvent.TWEET_EDIT -> edited(due.tweetId(), author, at, true);
                        case ComplianceEvent.WITHHELD -> withheld(due.tweetId(), author, countriesFor(due.tweetId()),
                                at, true);
                        default -> plain(due.type(), due.tweetId(), author, at, true);
                    });
                } catch (RuntimeException e) {
                    log.error("Failed to make a compliance event for Post {}; skipping it", due.tweetId(), e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Pending awaitDue() throws InterruptedException {
        synchronized (lock) {
            while (!controls.isClosed()) {
                Pending next = pending.peek();
                if (next == null) {
                    lock.wait();
                    continue;
                }
                long wait = next.dueNanos() - System.nanoTime();
                if (wait <= 0) {
                    return pending.poll();
                }
                TimeUnit.NANOSECONDS.timedWait(lock, wait);
            }
            return null;
        }
    }

    /** Which event the Post will have, if any: a draw fixed by its id and the seed. */
    private String fate(long tweetId) {
        double draw = VolumePartitions.unit(tweetId, FATE_SALT ^ settings.seed());
        double delete = settings.complianceDeleteFraction();
        double edit = delete + settings.complianceEditFraction();
        double withhold = edit + settings.complianceWithholdFraction();
        if (draw < delete) {
            return ComplianceEvent.DELETE;
        }
        if (draw < edit) {
            return ComplianceEvent.TWEET_EDIT;
        }
        return draw < withhold ? ComplianceEvent.WITHHELD : null;
    }

    /** One or two countries, fixed by the Post's id. */
    private List<String> countriesFor(long tweetId) {
        double draw = VolumePartitions.unit(tweetId, COUNTRY_SALT ^ settings.seed());
        int first = (int) (draw * COUNTRIES.size());
        if (draw * 10 % 1 < 0.7) {
            return List.of(COUNTRIES.get(first));
        }
        return List.of(COUNTRIES.get(first), COUNTRIES.get((first + 1) % COUNTRIES.size()));
    }

    private ComplianceEvent plain(String type, long tweetId, long authorId, Instant at, boolean automatic) {
        ObjectNode body = NODES.objectNode();
        body.set("tweet", tweet(tweetId, authorId));
        putEventAt(body, at);
        return event(type, tweetId, authorId, at, body, List.of(), List.of(), automatic);
    }

    private ComplianceEvent withheld(long tweetId, long authorId, List<String> countries, Instant at,
                                     boolean automatic) {
        ObjectNode body = NODES.objectNode();
        body.set("tweet", tweet(tweetId, authorId));
        putEventAt(putCountries(body, countries), at);
        return event(ComplianceEvent.WITHHELD, tweetId, authorId, at, body, List.of(), countries, automatic);
    }

    private ComplianceEvent edited(long tweetId, long authorId, Instant at, boolean automatic) {
        List<Long> versions = new ArrayList<>(versionsOf(tweetId));
        long newId = newIds.applyAsLong(at);
        versions.add(newId);
        ObjectNode body = NODES.objectNode();
        body.putObject("tweet").put("id", Long.toString(newId));
        body.put("initial_tweet_id", Long.toString(versions.get(0)));
        ArrayNode ids = body.putArray("edit_tweet_ids");
        versions.forEach(id -> ids.add(Long.toString(id)));
        putEventAt(body, at);
        return event(ComplianceEvent.TWEET_EDIT, newId, authorId, at, body, versions, List.of(), automatic);
    }

    /** The versions of a Post up to itself, oldest first: itself alone unless it was streamed as an edited version. */
    private List<Long> versionsOf(long tweetId) {
        synchronized (lock) {
            Streamed post = streamed.get(tweetId);
            return post == null || post.versions() == null ? List.of(tweetId) : post.versions();
        }
    }

    private ComplianceEvent event(String type, long tweetId, long authorId, Instant at, ObjectNode body,
                                  List<Long> versions, List<String> countries, boolean automatic) {
        return new ComplianceEvent(type, tweetId, authorId, at, partitionOf(tweetId), line(type, body), versions,
                countries, automatic);
    }

    private static ObjectNode tweet(long tweetId, long authorId) {
        return NODES.objectNode().put("id", Long.toString(tweetId)).put("author_id", Long.toString(authorId));
    }

    /**
     * The versions a sent Post names in {@code edit_history_tweet_ids}, when it is an edited version; {@code null} for a
     * Post never edited (read without parsing: most are).
     */
    private static List<Long> versionsIn(SentTweet tweet) {
        String json = tweet.json();
        if (json == null || json.contains("\"edit_history_tweet_ids\":[\"" + tweet.id() + "\"]")
                || !json.contains("\"edit_history_tweet_ids\"")) {
            return null;
        }
        try {
            JsonNode history = MAPPER.readTree(json).path("data").path("edit_history_tweet_ids");
            List<Long> versions = new ArrayList<>();
            history.forEach(id -> versions.add(id.asLong()));
            return versions.size() > 1 && versions.get(versions.size() - 1) == tweet.id() ? List.copyOf(versions) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
