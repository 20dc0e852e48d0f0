package io.tweetstream.simulator.generate;

/** How long a generated text is, in code points, as Twitter counts them (an escaped {@code &amp;} counts as one). */
public enum TextLength {
    /** At most 140: fits a compatibility-mode v1.1 {@code text}. */
    CLASSIC(0, TweetText.CLASSIC_LIMIT),
    /** 141 to 280: a v1.1 extended tweet, a whole v2 {@code text}. */
    EXTENDED(TweetText.CLASSIC_LIMIT + 1, TweetText.EXTENDED_LIMIT),
    /** 281 to {@value TweetText#LONG_LIMIT}: a long post, a v2 {@code note_tweet}. */
    LONG(TweetText.EXTENDED_LIMIT + 1, TweetText.LONG_LIMIT);

    private final int floor;
    private final int limit;

    TextLength(int floor, int limit) {
        this.floor = floor;
        this.limit = limit;
    }

    /** The fewest code points a text of this length has. */
    public int floor() {
        return floor;
    }

    /** The most code points a text of this length has. */
    public int limit() {
        return limit;
    }
}
