package io.tweetstream.connect.v2;

/**
 * The stream endpoints and the fields the connector asks X for: by default a v2 tweet holds only its
 * id and text, so every field the record schema needs, the author, the referenced tweets and the
 * place included, is requested by name.
 */
final class StreamRequest {

    static final String FILTERED_STREAM = "2/tweets/search/stream";
    static final String SAMPLE_STREAM = "2/tweets/sample/stream";

    /** Every field of a Like the record holds (X's LikeWithTweetAuthor fields). */
    static final String LIKE_FIELDS =
            "like_with_tweet_author.fields=created_at,id,liked_tweet_author_id,liked_tweet_id,timestamp_ms";
    static final String FIELDS = "tweet.fields=created_at,author_id,lang,entities,geo,referenced_tweets,note_tweet,"
            + "attachments,edit_history_tweet_ids,possibly_sensitive,conversation_id,withheld"
            + "&expansions=author_id,referenced_tweets.id,referenced_tweets.id.author_id,geo.place_id,attachments.media_keys,"
            + "referenced_tweets.id.attachments.media_keys"
            + "&user.fields=username,name,location,verified,public_metrics"
            + "&place.fields=full_name,name,country,country_code,place_type"
            + "&media.fields=media_key,type,url,preview_image_url,alt_text";

    private StreamRequest() {}
}
