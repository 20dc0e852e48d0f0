package io.tweetstream.simulator.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.MadeLike;
import io.tweetstream.simulator.SentLike;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.generate.Seeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * X's Likes streams ({@link StreamEndpoint#V2_LIKES_FIREHOSE}, {@link StreamEndpoint#V2_LIKES_SAMPLE10}) as one world
 * of Likes: each Like in one partition of the firehose and, for a fixed tenth of them, in one of sample10 (both by its
 * id, {@link VolumePartitions#ofLike}), kept and sent as every {@link EventStream}'s events are, by when it was made.
 * <p>
 * Likes are of the Posts of the volume streams' world ({@link VolumeStreams}), which a connection to a Likes stream
 * starts if no Post stream did: from then on a Like is made at {@link SimulatorSettings#likesPerSecond()}, of a Post
 * picked evenly over the period its history keeps, whether or not a Likes connection is open, as X's users like
 * whether or not anyone listens. Tests make Likes at once ({@link #like}). Runs on a thread of its own until the
 * simulator closes. Thread-safe.
 */
public final class LikesStream extends EventStream<MadeLike, SentLike> implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LikesStream.class);
    private static final long PICK_SALT = 0x11CE_B1CCL;

    private final TweetHistory posts;
    private final Runnable startPosts;
    private final LikeIds ids;
    private final SplittableRandom picks;
    private boolean started;

    /**
     * @param posts      the volume streams' Posts, which the automatic Likes are of
     * @param startPosts starts the volume streams' world unless it runs already; it then {@link #start()}s this one
     */
    public LikesStream(SimulatorSettings settings, StreamLedger ledger, V2Controls controls, TweetHistory posts,
                       Runnable startPosts) {
        super(settings, ledger, controls);
        this.posts = posts;
        this.startPosts = startPosts;
        this.ids = new LikeIds(settings.seed());
        this.picks = new SplittableRandom(Seeds.derive(settings.seed(), PICK_SALT));
    }

    /** The volume streams' world started: the automatic Likes begin. */
    public void start() {
        synchronized (lock) {
            started = true;
            lock.notifyAll();
        }
    }

    /** Makes a Like now of the Post {@code tweetId} by {@code authorId}, created at {@code tweetCreatedAt}. */
    public MadeLike like(long tweetId, long authorId, Instant tweetCreatedAt) {
        String id = ids.next();
        Instant createdAt = tweetCreatedAt.truncatedTo(ChronoUnit.SECONDS);
        Instant likedAt = now();
        return emit(new MadeLike(id, tweetId, authorId, createdAt, likedAt,
                message(id, createdAt, tweetId, authorId, likedAt).toString(),
                VolumePartitions.ofLike(StreamEndpoint.V2_LIKES_FIREHOSE, id),
                VolumePartitions.ofLike(StreamEndpoint.V2_LIKES_SAMPLE10, id)));
    }

    /**
     * The message of {@code like} as X shapes it, {@code {"data":{"id","created_at","liked_tweet_id",
     * "liked_tweet_author_id","timestamp_ms"}}}: a new object, for a connection to add the includes it asked for.
     */
    public static ObjectNode message(MadeLike like) {
        return message(like.id(), like.tweetCreatedAt(), like.likedTweetId(), like.likedTweetAuthorId(),
                like.likedAt());
    }

    @Override
    public void run() {
        Thread.currentThread().setName("tweetstream-simulator-likes");
        if (settings.likesPerSecond() == 0) {
            return;
        }
        try {
            if (!awaitStart()) {
                return;
            }
            Pace schedule = new TweetSchedule(System.nanoTime(), settings.likesPerSecond());
            while (awaitDue(schedule)) {
                long now = System.nanoTime();
                try {
                    posts.pick(picks.nextDouble()).ifPresent(post -> like(post.id(), post.authorId(),
                            post.createdAt()));
                } catch (RuntimeException e) {
                    log.error("Failed to make a Like; skipping it", e);
                }
                schedule.advance(now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    SentLike sentRecord(long connectionId, int partition, Instant sentAt, MadeLike like) {
        return new SentLike(connectionId, partition, sentAt, like);
    }

    @Override
    Instant madeAt(MadeLike like) {
        return like.likedAt();
    }

    /**
     * A Like is in one partition (from 1) of each Likes stream that carries it; a {@link MadeLike#partitionOn} of 0 is
     * in none.
     */
    @Override
    boolean inPartition(MadeLike like, StreamEndpoint endpoint, int partition) {
        return partition > 0 && like.partitionOn(endpoint) == partition;
    }

    /** Likes are of the volume streams' Posts: a Likes connection starts their world. */
    @Override
    void opening() {
        startPosts.run();
    }

    private static ObjectNode message(String id, Instant createdAt, long tweetId, long authorId, Instant likedAt) {
        ObjectNode message = NODES.objectNode();
        message.putObject("data")
                .put("id", id)
                .put("created_at", time(createdAt))
                .put("liked_tweet_id", Long.toString(tweetId))
                .put("liked_tweet_author_id", Long.toString(authorId))
                .put("timestamp_ms", likedAt.toEpochMilli());
        return message;
    }

    /** Waits until the volume streams' world starts; {@code false} when the simulator closes first. */
    private boolean awaitStart() throws InterruptedException {
        synchronized (lock) {
            while (!started && !controls.isClosed()) {
                lock.wait();
            }
            return !controls.isClosed();
        }
    }

    /** Waits until the next Like is due; {@code false} once the simulator closes. */
    private boolean awaitDue(Pace schedule) throws InterruptedException {
        synchronized (lock) {
            while (!controls.isClosed()) {
                long wait = schedule.nextDueNanos() - System.nanoTime();
                if (wait <= 0) {
                    return true;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, wait);
            }
            return false;
        }
    }
}
