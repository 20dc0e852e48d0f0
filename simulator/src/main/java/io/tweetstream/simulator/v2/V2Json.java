package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.generate.GeoPoint;
import io.tweetstream.simulator.generate.UserProfile;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes v2 objects as X does: a tweet has {@code id}, {@code text} and {@code edit_history_tweet_ids}, a user
 * {@code id}, {@code name} and {@code username}, a place {@code id} and {@code full_name}; every other field
 * only when the request names it. Ids are strings, times ISO 8601 with milliseconds, text never truncated
 * (up to 280 characters; a retweet's own text is {@code RT @author: } and the original cut at 140, as on X).
 */
public final class V2Json {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String PROFILE_IMAGES = "https://pbs.twimg.com/profile_images/";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    public ObjectNode tweet(StatusView status, FieldSelection fields) {
        ObjectNode tweet = nodes.objectNode();
        String id = Long.toString(status.id());
        tweet.put("id", id);
        tweet.put("text", status.text());
        tweet.putArray("edit_history_tweet_ids").add(id);
        if (fields.tweetField("author_id")) {
            tweet.put("author_id", Long.toString(status.authorId()));
        }
        if (fields.tweetField("created_at")) {
            tweet.put("created_at", time(status.createdAt()));
        }
        if (fields.tweetField("conversation_id")) {
            // The conversation's root is not kept; the tweet replied to stands in for it.
            tweet.put("conversation_id", Long.toString(status.isReply() ? status.inReplyToStatusId() : status.id()));
        }
        if (fields.tweetField("in_reply_to_user_id") && status.isReply()) {
            tweet.put("in_reply_to_user_id", Long.toString(status.inReplyToUserId()));
        }
        if (fields.tweetField("referenced_tweets")) {
            ArrayNode referenced = referencedTweets(status);
            if (!referenced.isEmpty()) {
                tweet.set("referenced_tweets", referenced);
            }
        }
        if (fields.tweetField("entities")) {
            ObjectNode entities = entities(status.text(), status.entities());
            if (!entities.isEmpty()) {
                tweet.set("entities", entities);
            }
        }
        if (fields.tweetField("geo")) {
            ObjectNode geo = geo(status);
            if (!geo.isEmpty()) {
                tweet.set("geo", geo);
            }
        }
        if (fields.tweetField("public_metrics")) {
            JsonNode json = status.json();
            tweet.putObject("public_metrics")
                    .put("retweet_count", json.path("retweet_count").asInt())
                    .put("reply_count", json.path("reply_count").asInt())
                    .put("like_count", json.path("favorite_count").asInt())
                    .put("quote_count", json.path("quote_count").asInt())
                    .put("bookmark_count", 0)
                    .put("impression_count", 0);
        }
        if (fields.tweetField("possibly_sensitive")) {
            tweet.put("possibly_sensitive", false);
        }
        if (fields.tweetField("lang")) {
            tweet.put("lang", status.lang());
        }
        if (fields.tweetField("source")) {
            tweet.put("source", status.sourceName());
        }
        return tweet;
    }

    public ObjectNode user(UserProfile user, FieldSelection fields) {
        ObjectNode node = nodes.objectNode();
        node.put("id", Long.toString(user.id()));
        node.put("name", user.name());
        node.put("username", user.screenName());
        if (fields.userField("created_at")) {
            node.put("created_at", time(user.createdAt()));
        }
        if (fields.userField("description")) {
            node.put("description", user.description());
        }
        if (fields.userField("location") && !user.location().isEmpty()) {
            node.put("location", user.location());
        }
        if (fields.userField("verified")) {
            node.put("verified", user.verified());
        }
        if (fields.userField("protected")) {
            node.put("protected", false);
        }
        if (fields.userField("profile_image_url")) {
            node.put("profile_image_url", PROFILE_IMAGES + user.profileImagePath());
        }
        if (fields.userField("url")) {
            node.put("url", "");
        }
        if (fields.userField("public_metrics")) {
            node.putObject("public_metrics")
                    .put("followers_count", user.followersCount())
                    .put("following_count", user.friendsCount())
                    .put("tweet_count", user.statusesCount())
                    .put("listed_count", user.listedCount())
                    .put("like_count", user.favouritesCount());
        }
        return node;
    }

    /** The v2 form of a v1.1 place object. */
    public ObjectNode place(JsonNode place, FieldSelection fields) {
        ObjectNode node = nodes.objectNode();
        node.put("full_name", place.path("full_name").asText());
        node.put("id", place.path("id").asText());
        if (fields.placeField("name")) {
            node.put("name", place.path("name").asText());
        }
        if (fields.placeField("country")) {
            node.put("country", place.path("country").asText());
        }
        if (fields.placeField("country_code")) {
            node.put("country_code", place.path("country_code").asText());
        }
        if (fields.placeField("place_type")) {
            node.put("place_type", place.path("place_type").asText());
        }
        if (fields.placeField("geo")) {
            JsonNode ring = place.path("bounding_box").path("coordinates").path(0);
            ObjectNode geo = node.putObject("geo");
            geo.put("type", "Feature");
            geo.putArray("bbox").add(ring.get(0).get(0).asDouble()).add(ring.get(0).get(1).asDouble())
                    .add(ring.get(2).get(0).asDouble()).add(ring.get(2).get(1).asDouble());
            geo.putObject("properties");
        }
        return node;
    }

    private ArrayNode referencedTweets(StatusView status) {
        ArrayNode referenced = nodes.arrayNode();
        status.retweeted().ifPresent(original -> referenced.add(reference("retweeted", original.id())));
        status.quoted().ifPresent(quoted -> referenced.add(reference("quoted", quoted.id())));
        if (status.isReply()) {
            referenced.add(reference("replied_to", status.inReplyToStatusId()));
        }
        return referenced;
    }

    private ObjectNode reference(String type, long id) {
        return nodes.objectNode().put("type", type).put("id", Long.toString(id));
    }

    private ObjectNode entities(String text, JsonNode v1) {
        ObjectNode entities = nodes.objectNode();
        ArrayNode hashtags = nodes.arrayNode();
        v1.path("hashtags").forEach(tag -> hashtags.add(at(tag).put("tag", tag.path("text").asText())));
        ArrayNode mentions = nodes.arrayNode();
        v1.path("user_mentions").forEach(mention -> mentions.add(at(mention)
                .put("username", mention.path("screen_name").asText())
                .put("id", mention.path("id_str").asText())));
        ArrayNode urls = nodes.arrayNode();
        v1.path("urls").forEach(url -> urls.add(at(url)
                .put("url", url.path("url").asText())
                .put("expanded_url", url.path("expanded_url").asText())
                .put("display_url", url.path("display_url").asText())));
        ArrayNode cashtags = nodes.arrayNode();
        Cashtags.in(text).forEach(found -> cashtags.add(nodes.objectNode()
                .put("start", found.start()).put("end", found.end()).put("tag", found.tag())));
        putUnlessEmpty(entities, "hashtags", hashtags);
        putUnlessEmpty(entities, "mentions", mentions);
        putUnlessEmpty(entities, "urls", urls);
        putUnlessEmpty(entities, "cashtags", cashtags);
        return entities;
    }

    private ObjectNode geo(StatusView status) {
        ObjectNode geo = nodes.objectNode();
        if (status.place().isObject()) {
            geo.put("place_id", status.place().path("id").asText());
        }
        GeoPoint point = status.point();
        if (point != null) {
            ObjectNode coordinates = geo.putObject("coordinates");
            coordinates.put("type", "Point");
            coordinates.putArray("coordinates").add(point.longitude()).add(point.latitude());
        }
        return geo;
    }

    private ObjectNode at(JsonNode v1Entity) {
        JsonNode indices = v1Entity.path("indices");
        return nodes.objectNode().put("start", indices.path(0).asInt()).put("end", indices.path(1).asInt());
    }

    private static void putUnlessEmpty(ObjectNode parent, String name, ArrayNode items) {
        if (!items.isEmpty()) {
            parent.set(name, items);
        }
    }
}
