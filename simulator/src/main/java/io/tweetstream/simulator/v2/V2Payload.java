package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.MatchedRule;
import io.tweetstream.simulator.generate.Mention;
import io.tweetstream.simulator.generate.UserPool;
import io.tweetstream.simulator.generate.UserProfile;
import io.tweetstream.simulator.generate.V2Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message of a v2 stream: {@code data}, the {@code includes} the expansions ask for (users, tweets, places,
 * media, polls), {@code errors} for referenced tweets or authors it cannot include (as X reports a deleted or
 * protected one), and {@code matching_rules} on the filtered stream.
 */
public final class V2Payload {

    private final V2Json json = new V2Json();
    private final UserPool users;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    public V2Payload(UserPool users) {
        this.users = users;
    }

    /** @param matchingRules {@code null} on the sample stream, which has no rules */
    public ObjectNode message(StatusView status, FieldSelection fields, List<MatchedRule> matchingRules) {
        return message(status, null, fields, matchingRules);
    }

    /**
     * @param context       what the v1.1 status cannot say (conversation, reply parent, unavailable references);
     *                      {@code null} for a post with none
     * @param matchingRules {@code null} on the sample stream, which has no rules
     */
    public ObjectNode message(StatusView status, V2Context context, FieldSelection fields,
                              List<MatchedRule> matchingRules) {
        ObjectNode message = nodes.objectNode();
        message.set("data", json.tweet(status, context, fields));
        Map<Long, UserProfile> includedUsers = new LinkedHashMap<>();
        List<StatusView> includedTweets = new ArrayList<>();
        ArrayNode errors = nodes.arrayNode();
        if (fields.expands("author_id")) {
            includedUsers.put(status.authorId(), users.withId(status.authorId()));
        }
        if (fields.expands("entities.mentions.username")) {
            status.entities().path("user_mentions").forEach(mention -> {
                UserProfile user = users.profileOf(new Mention(mention.path("id").asLong(),
                        mention.path("screen_name").asText(), mention.path("name").asText()));
                includedUsers.putIfAbsent(user.id(), user);
            });
        }
        if (fields.expands("in_reply_to_user_id") && status.isReply()) {
            includedUsers.putIfAbsent(status.inReplyToUserId(), users.withId(status.inReplyToUserId()));
        }
        boolean referenceUnavailable = context != null && context.referenceUnavailable();
        List<StatusView> referenced = new ArrayList<>();
        status.retweeted().ifPresent(referenced::add);
        status.quoted().ifPresent(referenced::add);
        if (fields.expands("referenced_tweets.id")) {
            if (referenceUnavailable) {
                referenced.forEach(missing -> errors.add(notFound(missing.id())));
            } else {
                includedTweets.addAll(referenced);
            }
            if (status.isReply()) {
                if (context != null && context.replyParent() != null) {
                    includedTweets.add(new StatusView(context.replyParent()));
                } else {
                    errors.add(notFound(status.inReplyToStatusId()));
                }
            }
        }
        if (fields.expands("referenced_tweets.id.author_id")) {
            for (StatusView tweet : includedTweets) {
                // A post's own author is always at hand, whoever it quotes.
                boolean authorMissing = context != null && context.referencedAuthorMissing() && referenced.contains(tweet)
                        && tweet.authorId() != status.authorId();
                if (authorMissing) {
                    errors.add(userNotFound(tweet.authorId()));
                } else {
                    includedUsers.putIfAbsent(tweet.authorId(), users.withId(tweet.authorId()));
                }
            }
        }
        ObjectNode includes = nodes.objectNode();
        if (!includedUsers.isEmpty()) {
            ArrayNode list = includes.putArray("users");
            includedUsers.values().forEach(user -> list.add(json.user(user, fields)));
        }
        if (!includedTweets.isEmpty()) {
            ArrayNode list = includes.putArray("tweets");
            includedTweets.forEach(tweet -> list.add(json.tweet(tweet, fields)));
        }
        if (fields.expands("geo.place_id") && status.place().isObject()) {
            includes.putArray("places").add(json.place(status.place(), fields));
        }
        ArrayNode media = nodes.arrayNode();
        if (fields.expands("attachments.media_keys")) {
            status.media().forEach(item -> media.add(json.media(item, fields)));
        }
        if (fields.expands("referenced_tweets.id.attachments.media_keys")) {
            includedTweets.forEach(tweet -> tweet.media().forEach(item -> media.add(json.media(item, fields))));
        }
        if (!media.isEmpty()) {
            includes.set("media", media);
        }
        if (fields.expands("attachments.poll_ids") && !status.polls().isEmpty()) {
            ArrayNode polls = includes.putArray("polls");
            status.polls().forEach(poll -> polls.add(json.poll(poll, fields)));
        }
        if (!includes.isEmpty()) {
            message.set("includes", includes);
        }
        if (!errors.isEmpty()) {
            message.set("errors", errors);
        }
        if (matchingRules != null) {
            ArrayNode rules = message.putArray("matching_rules");
            for (MatchedRule rule : matchingRules) {
                ObjectNode node = rules.addObject().put("id", rule.id());
                if (rule.tag() != null) {
                    node.put("tag", rule.tag());
                }
            }
        }
        return message;
    }

    /** X's entry for the author of a referenced tweet it includes but cannot show (suspended, protected). */
    private JsonNode userNotFound(long userId) {
        String id = Long.toString(userId);
        return nodes.objectNode()
                .put("value", id)
                .put("detail", "Could not find user with referenced_tweets.id.author_id: [" + id + "].")
                .put("title", "Not Found Error")
                .put("resource_type", "user")
                .put("parameter", "referenced_tweets.id.author_id")
                .put("resource_id", id)
                .put("type", "https://api.twitter.com/2/problems/resource-not-found");
    }

    /** X's entry for a referenced tweet it cannot show. */
    private JsonNode notFound(long tweetId) {
        String id = Long.toString(tweetId);
        return nodes.objectNode()
                .put("value", id)
                .put("detail", "Could not find tweet with referenced_tweets.id: [" + id + "].")
                .put("title", "Not Found Error")
                .put("resource_type", "tweet")
                .put("parameter", "referenced_tweets.id")
                .put("resource_id", id)
                .put("type", "https://api.twitter.com/2/problems/resource-not-found");
    }
}
