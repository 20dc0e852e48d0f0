package io.tweetstream.simulator.generate;

/**
 * How often the generator makes each of the payload shapes beyond plain text, retweets and quotes, as shares in
 * [0, 1]. Every shape is drawn from the stream's seeded dice, so the same seed gives the same shapes.
 *
 * @param longPostRatio                 posts longer than 280 characters (v2 {@code note_tweet}; v1.1
 *                                      {@code extended_tweet.full_text})
 * @param htmlEntityRatio               texts holding {@code &}, {@code <} or {@code >}, sent HTML-escaped
 * @param mediaRatio                    posts with photos, a video or an animated GIF
 * @param pollRatio                     posts with a poll (never with media, as on X)
 * @param editedRatio                   posts that are the edited version of an earlier one
 * @param sensitiveRatio                of the posts with a link or media, those marked {@code possibly_sensitive}
 * @param withheldRatio                 posts withheld in some countries
 * @param unavailableReferenceRatio     of retweets and quotes on v2, those whose referenced post X cannot include
 * @param missingReferencedAuthorRatio  of retweets and quotes on v2 whose post is included, those whose author is not
 * @param replyParentIncludedRatio      of replies on v2, those whose parent post is included
 */
public record PayloadShapes(double longPostRatio, double htmlEntityRatio, double mediaRatio, double pollRatio,
                            double editedRatio, double sensitiveRatio, double withheldRatio,
                            double unavailableReferenceRatio, double missingReferencedAuthorRatio,
                            double replyParentIncludedRatio) {

    /** The defaults: every shape at a modest rate, so a steady stream shows each of them now and then. */
    public static final PayloadShapes DEFAULT = new PayloadShapes(0.02, 0.05, 0.15, 0.01, 0.02, 0.05, 0.005, 0.01,
            0.0, 0.8);

    /** None of the shapes: only plain statuses, retweets, quotes and replies whose parent is not included. */
    public static final PayloadShapes NONE = new PayloadShapes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
