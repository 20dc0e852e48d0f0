package io.tweetstream.simulator.generate;

import io.tweetstream.simulator.filter.StreamFilter;

import java.time.Instant;

/**
 * What all streams of a simulator share to make tweets: the corpus, the crowd of accounts, the id
 * sequence. Hands each stream its own {@link TweetGenerator}.
 */
public final class TweetFactory {

    private static final long V2_SEED_SALT = 0x2A2A2A2AL;

    private final long seed;
    private final TweetMix mix;
    private final PayloadShapes shapes;
    private final Corpus corpus;
    private final UserPool users;
    private final SnowflakeIds ids = new SnowflakeIds();
    private final Geography geography;
    private final TextComposer composer;
    private final KeywordInjector injector;
    private final StatusJson json = new StatusJson();

    /** A factory of plain statuses: none of the {@link PayloadShapes} beyond retweets, quotes and replies. */
    public TweetFactory(long seed, TweetMix mix) {
        this(seed, mix, PayloadShapes.NONE);
    }

    public TweetFactory(long seed, TweetMix mix, PayloadShapes shapes) {
        this.seed = seed;
        this.mix = mix;
        this.shapes = shapes;
        this.corpus = Corpus.load();
        this.users = new UserPool(corpus, seed);
        this.geography = new Geography(corpus);
        this.composer = new TextComposer(corpus, users);
        this.injector = new KeywordInjector(users);
    }

    /**
     * A generator for the {@code streamNumber}-th stream. Its tweets depend only on the seed, the stream
     * number and the filter (and on the clock, for times and ids), not on what other streams drew.
     */
    public TweetGenerator forStream(long streamNumber, StreamFilter filter) {
        return new TweetGenerator(this, filter, new Dice(Seeds.derive(seed, streamNumber)));
    }

    /**
     * A generator for the {@code streamNumber}-th stream of the v2 API, which has no filter of its own: call
     * {@link TweetGenerator#next(Instant, TweetRecipe)} with what a rule asks for, or with
     * {@link TweetRecipe#ANYTHING} for the sample stream.
     */
    public TweetGenerator forV2Stream(long streamNumber) {
        return new TweetGenerator(this, StreamFilter.NONE, new Dice(Seeds.derive(seed ^ V2_SEED_SALT, streamNumber)));
    }

    /** The accounts tweets come from and mention. */
    public UserPool users() {
        return users;
    }

    TweetMix mix() {
        return mix;
    }

    PayloadShapes shapes() {
        return shapes;
    }

    Corpus corpus() {
        return corpus;
    }

    /**
     * A new Post id for a Post created at {@code at} outside the generators (the new version of an edited Post): from
     * the Snowflake sequence every stream shares, so unique and greater than every id given before.
     */
    public long newPostId(java.time.Instant at) {
        return ids.next(at);
    }

    SnowflakeIds ids() {
        return ids;
    }

    Geography geography() {
        return geography;
    }

    TextComposer composer() {
        return composer;
    }

    KeywordInjector injector() {
        return injector;
    }

    StatusJson json() {
        return json;
    }
}
