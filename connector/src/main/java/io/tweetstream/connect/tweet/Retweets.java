package io.tweetstream.connect.tweet;

/**
 * How a retweet becomes a record, the same for both APIs: the retweet's own metadata (id, time,
 * retweeter, language, place, flags) with the original's content (full text, hashtags, mentions,
 * links, media), because the API truncates the retweet's own text and gives entities only for
 * what survived the cut.
 *
 * <p>When the API could not include the original (deleted or protected; X says so in the v2
 * {@code errors}), the record keeps what X gave: the truncated {@code "RT @name: …"} text and its
 * entities, and still names the original by id, so it reads as a retweet, never as an original
 * tweet. When only the original's author is missing, the {@code RT @name:} of the retweet's own
 * text supplies the name.
 */
public final class Retweets {

    private Retweets() {}

    /**
     * @param retweet the retweet as delivered, mapped like any tweet (its own text and entities)
     * @param originalId the id of the tweet it retweets
     * @param original the original, mapped like any tweet, or null when the API did not include it
     */
    public static Tweet of(Tweet retweet, long originalId, Tweet original) {
        TwitterUser author = original == null ? null : original.user();
        String authorName = author != null ? author.screenName() : RetweetText.authorIn(retweet.text());
        Tweet.Retweet what = new Tweet.Retweet(originalId, original, author == null ? null : author.id(), authorName);
        // The content is the original's when there is an original and a name to prefix its text with.
        Tweet content = original == null || authorName == null ? retweet : original;
        String text = content == retweet ? retweet.text() : RetweetText.of(authorName, original.text());
        return new Tweet(retweet.id(), retweet.createdAt(), text, retweet.lang(), retweet.user(),
                content.hashtags(), content.mentions(), content.links(), retweet.inReplyToStatusId(), what,
                retweet.quotedStatus(), retweet.quotedStatusId(), retweet.coordinates(), retweet.place(),
                retweet.editHistoryTweetIds(), content.media(), retweet.possiblySensitive(),
                retweet.conversationId(), retweet.withheldCountries(), retweet.rawJson());
    }
}
