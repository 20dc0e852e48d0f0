package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.MadeLike;
import io.tweetstream.simulator.generate.UserPool;
import io.tweetstream.simulator.stream.LikesStream;
import io.tweetstream.simulator.stream.V2Tweet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Writes Likes as one Likes-stream connection asked for them (X's OpenAPI spec, {@code getLikesFirehoseStream} and
 * {@code getLikesSample10Stream}): the Like's line as made; with {@code expansions=liked_tweet_id}, the liked Post in
 * {@code includes.tweets} (with the {@code tweet.fields} asked; left out when the simulator keeps it no more), with
 * {@code liked_tweet_author_id} its author in {@code includes.users} (with the {@code user.fields} asked). The
 * parameters are checked against X's lists, so a typo gets X's 400; {@code like_with_tweet_author.fields},
 * {@code media.fields} and the {@code attachments.media_keys} expansion are taken and change nothing: every Like
 * carries all its fields, and none has media.
 */
public final class LikeMessages implements Function<MadeLike, String> {

    /** Every parameter the Likes streams take. */
    static final Set<String> PARAMETERS = Set.of("partition", "backfill_minutes", "start_time", "end_time",
            "like_with_tweet_author.fields", "expansions", "media.fields", "tweet.fields", "user.fields");
    private static final String LIKE_FIELDS_PARAMETER = "like_with_tweet_author.fields";
    private static final String EXPANSIONS_PARAMETER = "expansions";
    static final Set<String> LIKE_FIELDS = Set.of("attachments_media_keys", "created_at", "id",
            "liked_tweet_author_id", "liked_tweet_id", "timestamp_ms");
    static final Set<String> EXPANSIONS = Set.of("attachments.media_keys", "liked_tweet_author_id", "liked_tweet_id");

    private final V2Json json = new V2Json();
    private final LongFunction<Optional<V2Tweet>> posts;
    private final UserPool users;
    private final FieldSelection fields;
    private final boolean withTweet;
    private final boolean withAuthor;

    private LikeMessages(LongFunction<Optional<V2Tweet>> posts, UserPool users, FieldSelection fields,
                         Set<String> expansions) {
        this.posts = posts;
        this.users = users;
        this.fields = fields;
        this.withTweet = expansions.contains("liked_tweet_id");
        this.withAuthor = expansions.contains("liked_tweet_author_id");
    }

    /**
     * How a connection that sent {@code query} gets its Likes: the lines as made, unless it expands the liked Post
     * or its author.
     *
     * @param posts the Post of an id, where the simulator still keeps it
     * @throws InvalidParametersException listing every unknown parameter and name, as X does
     */
    public static Function<MadeLike, String> forRequest(Map<String, String> query,
                                                        LongFunction<Optional<V2Tweet>> posts, UserPool users)
            throws InvalidParametersException {
        List<InvalidParametersException.Problem> problems = new ArrayList<>();
        Set<String> expansions = FieldSelection.names(query, EXPANSIONS_PARAMETER, EXPANSIONS, problems);
        FieldSelection.names(query, LIKE_FIELDS_PARAMETER, LIKE_FIELDS, problems);
        Map<String, String> postFields = new LinkedHashMap<>(query);
        postFields.remove(EXPANSIONS_PARAMETER);
        postFields.remove(LIKE_FIELDS_PARAMETER);
        FieldSelection fields = FieldSelection.DEFAULT;
        try {
            fields = FieldSelection.parse(postFields, PARAMETERS);
        } catch (InvalidParametersException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        LikeMessages messages = new LikeMessages(posts, users, fields, expansions);
        return messages.withTweet || messages.withAuthor ? messages : MadeLike::json;
    }

    @Override
    public String apply(MadeLike like) {
        ObjectNode message = LikesStream.message(like);
        ObjectNode includes = message.objectNode();
        if (withTweet) {
            posts.apply(like.likedTweetId()).filter(post -> post.status() != null).ifPresent(post -> includes
                    .putArray("tweets").add(json.tweet(new StatusView(post.status()), post.context(), fields)));
        }
        if (withAuthor) {
            includes.putArray("users").add(json.user(users.withId(like.likedTweetAuthorId()), fields));
        }
        if (!includes.isEmpty()) {
            message.set("includes", includes);
        }
        return message.toString();
    }
}
