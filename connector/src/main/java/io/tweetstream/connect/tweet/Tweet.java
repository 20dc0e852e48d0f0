package io.tweetstream.connect.tweet;

import java.time.Instant;
import java.util.List;

/**
 * A tweet as the connector sees it, independent of the API that delivered it, so that the v1.1 and
 * v2 streams produce the same records. Both mappers build it the same way: a retweet through
 * {@link Retweets#of}, text HTML-unescaped as Twitter4j unescapes it ({@link HtmlText}).
 *
 * @param text the full text: for extended tweets the 280-character text, for long posts the note
 *     text, for retweets {@code "RT @author: "} followed by the full text of the original (see
 *     {@link RetweetText}); never HTML-escaped
 * @param user the author; null only on a referenced tweet (an original or a quoted tweet) whose
 *     author the API did not include
 * @param hashtags, mentions, links the entities of the text; a retweet's are the original's
 * @param retweet what a retweet retweets, or null when this is not a retweet
 * @param quotedStatus the quoted tweet when the API delivered it, or null
 * @param quotedStatusId the quoted tweet's id, or null when this is not a quote
 * @param editHistoryTweetIds every version of the post, oldest first, this one last; null when the
 *     API did not say (v1.1's filter stream carries no edit metadata)
 * @param media the photos, videos and GIFs attached, in the API's order (a retweet's are the
 *     original's); empty when none, null when the API payload was not available to read them
 * @param possiblySensitive X's flag that the tweet's links or media may be sensitive; null when unknown
 * @param conversationId the id of the tweet that started the conversation (v2 only), or null
 * @param withheldCountries country codes where the tweet is withheld; empty when it is not
 * @param rawJson the payload exactly as received, or null when raw JSON is not kept
 */
public record Tweet(
        long id,
        Instant createdAt,
        String text,
        String lang,
        TwitterUser user,
        List<String> hashtags,
        List<String> mentions,
        List<Link> links,
        Long inReplyToStatusId,
        Retweet retweet,
        Tweet quotedStatus,
        Long quotedStatusId,
        Coordinates coordinates,
        Place place,
        List<Long> editHistoryTweetIds,
        List<Media> media,
        Boolean possiblySensitive,
        Long conversationId,
        List<String> withheldCountries,
        String rawJson) {

    /** The original tweet of a retweet, or null (also when the API could not include it). */
    public Tweet retweetedStatus() {
        return retweet == null ? null : retweet.original();
    }

    /**
     * Whether the API left out a tweet or an author this tweet refers to (deleted, protected or
     * suspended): the record is written with what there is, and the gap is counted.
     */
    public boolean lacksReferencedContent() {
        boolean retweetGap = retweet != null && (retweet.original() == null || retweet.original().user() == null);
        boolean quoteGap = quotedStatusId != null && (quotedStatus == null || quotedStatus.user() == null);
        return retweetGap || quoteGap;
    }

    /** A copy with the given raw JSON. */
    public Tweet withRawJson(String json) {
        return new Tweet(id, createdAt, text, lang, user, hashtags, mentions, links, inReplyToStatusId, retweet,
                quotedStatus, quotedStatusId, coordinates, place, editHistoryTweetIds, media, possiblySensitive,
                conversationId, withheldCountries, json);
    }

    /**
     * What a retweet retweets.
     *
     * @param originalId the original's id, known even when the original is not
     * @param original the original, or null when the API could not include it (deleted, protected)
     * @param authorId the original's author, or null when the API did not say
     * @param authorScreenName the original's author's screen name, from the author or, failing that,
     *     from the {@code RT @name:} of the retweet's own text; null when neither says
     */
    public record Retweet(long originalId, Tweet original, Long authorId, String authorScreenName) {}

    /** A URL entity: what Twitter expanded the t.co link to, and how it displays it. */
    public record Link(String expandedUrl, String displayUrl) {}

    /**
     * A photo, video or animated GIF attached to a tweet.
     *
     * @param id the numeric media id, the same on both APIs (v1.1 {@code id_str}; the part of a v2
     *     {@code media_key} after the type prefix, e.g. 1234 in {@code 3_1234})
     * @param type {@code photo}, {@code video} or {@code animated_gif}; null when the API did not say
     * @param url the photo itself, or the preview image of a video or GIF
     * @param altText the description the author gave, or null
     */
    public record Media(long id, String type, String url, String altText) {}

    /** The tweet's exact location (GeoJSON order is longitude first; this holds both by name). */
    public record Coordinates(double latitude, double longitude) {}

    /** The place a tweet is associated with, which may be a city or a point of interest. */
    public record Place(String id, String name, String fullName, String countryCode, String country, String placeType) {}
}
