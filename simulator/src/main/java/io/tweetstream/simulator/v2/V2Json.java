package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.generate.GeoPoint;
import io.tweetstream.simulator.generate.TwitterTime;
import io.tweetstream.simulator.generate.UserProfile;
import io.tweetstream.simulator.generate.V2Context;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes v2 objects as X does: a tweet has {@code id}, {@code text} and {@code edit_history_tweet_ids}, a user
 * {@code id}, {@code name} and {@code username}, a place {@code id} and {@code full_name}, a media object
 * {@code media_key} and {@code type}, a poll {@code id} and {@code options}; every other field only when the request
 * names it. Ids are strings, times ISO 8601 with milliseconds, text HTML-escaped as X sends it (entity indices on the
 * escaped text) and whole up to 280 characters: a long post's {@code text} is cut, its whole text and entities in
 * {@code note_tweet}; a retweet's own text is {@code RT @author: } and the original cut at 140, as on X.
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
        return tweet(status, null, fields);
    }

    /** @param context what the v1.1 status cannot say; {@code null} for an embedded post */
    public ObjectNode tweet(StatusView status, V2Context context, FieldSelection fields) {
        ObjectNode tweet = nodes.objectNode();
        String id = Long.toString(status.id());
        ShownText shown = ShownText.of(status.text(), status.entities());
        tweet.put("id", id);
        tweet.put("text", shown.text());
        ArrayNode history = tweet.putArray("edit_history_tweet_ids");
        if (status.editTweetIds().isEmpty()) {
            history.add(id);
        } else {
            status.editTweetIds().forEach(version -> history.add(version.asText()));
        }
        if (fields.tweetField("author_id")) {
            tweet.put("author_id", Long.toString(status.authorId()));
        }
        if (fields.tweetField("created_at")) {
            // X's created_at has whole seconds (".000Z"), like v1.1's; the snowflake id holds the milliseconds.
            tweet.put("created_at", time(status.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        }
        if (fields.tweetField("conversation_id")) {
            long conversation = context != null ? context.conversationId()
                    : status.isReply() ? status.inReplyToStatusId() : status.id();
            tweet.put("conversation_id", Long.toString(conversation));
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
        if (fields.tweetField("attachments") || fields.expands("attachments.media_keys")
                || fields.expands("attachments.poll_ids")) {
            ObjectNode attachments = attachments(status);
            if (!attachments.isEmpty()) {
                tweet.set("attachments", attachments);
            }
        }
        if (fields.tweetField("entities")) {
            ObjectNode entities = entities(shown.text(), status.entities(), status.media(), shown);
            if (!entities.isEmpty()) {
                tweet.set("entities", entities);
            }
        }
        if (fields.tweetField("note_tweet") && !shown.whole()) {
            ObjectNode note = tweet.putObject("note_tweet");
            note.put("text", status.text());
            ShownText whole = new ShownText(status.text(), Integer.MAX_VALUE, true);
            ObjectNode entities = entities(status.text(), status.entities(), status.media(), whole);
            if (!entities.isEmpty()) {
                note.set("entities", entities);
            }
        }
        if (fields.tweetField("edit_controls") && status.editControls().isObject()) {
            JsonNode controls = status.editControls();
            tweet.putObject("edit_controls")
                    .put("edits_remaining", controls.path("edits_remaining").asInt())
                    .put("is_edit_eligible", controls.path("is_edit_eligible").asBoolean())
                    .put("editable_until", time(Instant.ofEpochMilli(controls.path("editable_until_ms").asLong())));
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
            tweet.put("possibly_sensitive", status.possiblySensitive());
        }
        if (fields.tweetField("withheld") && !status.withheldInCountries().isEmpty()) {
            ObjectNode withheld = tweet.putObject("withheld");
            withheld.put("copyright", status.withheldForCopyright());
            ArrayNode countries = withheld.putArray("country_codes");
            status.withheldInCountries().forEach(country -> countries.add(country.asText()));
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

    /** The v2 media object of a v1.1 {@code extended_entities.media} item. */
    public ObjectNode media(JsonNode item, FieldSelection fields) {
        String type = item.path("type").asText();
        ObjectNode node = nodes.objectNode();
        node.put("media_key", mediaKey(item));
        node.put("type", type);
        if (fields.mediaField("url") && type.equals("photo")) {
            node.put("url", item.path("media_url_https").asText());
        }
        if (fields.mediaField("preview_image_url") && !type.equals("photo")) {
            node.put("preview_image_url", item.path("media_url_https").asText());
        }
        if (fields.mediaField("alt_text") && item.has("ext_alt_text")) {
            node.put("alt_text", item.path("ext_alt_text").asText());
        }
        if (fields.mediaField("width")) {
            node.put("width", item.path("original_info").path("width").asInt());
        }
        if (fields.mediaField("height")) {
            node.put("height", item.path("original_info").path("height").asInt());
        }
        if (fields.mediaField("duration_ms") && type.equals("video")) {
            node.put("duration_ms", item.path("video_info").path("duration_millis").asInt());
        }
        if (fields.mediaField("variants") && !type.equals("photo")) {
            ArrayNode variants = node.putArray("variants");
            item.path("video_info").path("variants").forEach(variant -> variants.addObject()
                    .put("bit_rate", variant.path("bitrate").asInt())
                    .put("content_type", variant.path("content_type").asText())
                    .put("url", variant.path("url").asText()));
        }
        return node;
    }

    /** The v2 poll object of a poll of the v1.1 enterprise format; just posted, so open with no votes. */
    public ObjectNode poll(JsonNode poll, FieldSelection fields) {
        ObjectNode node = nodes.objectNode();
        node.put("id", poll.path("id_str").asText());
        ArrayNode options = node.putArray("options");
        poll.path("options").forEach(option -> options.addObject()
                .put("position", option.path("position").asInt())
                .put("label", option.path("text").asText())
                .put("votes", 0));
        if (fields.pollField("duration_minutes")) {
            node.put("duration_minutes", poll.path("duration_minutes").asInt());
        }
        if (fields.pollField("end_datetime")) {
            node.put("end_datetime", time(TwitterTime.parse(poll.path("end_datetime").asText())));
        }
        if (fields.pollField("voting_status")) {
            node.put("voting_status", "open");
        }
        return node;
    }

    /** X's {@code media_key}: the kind of media ({@code 3_} photo, {@code 7_} video, {@code 16_} GIF) and its id. */
    static String mediaKey(JsonNode item) {
        String prefix = switch (item.path("type").asText()) {
            case "video" -> "7_";
            case "animated_gif" -> "16_";
            default -> "3_";
        };
        return prefix + item.path("id_str").asText();
    }

    private ObjectNode attachments(StatusView status) {
        ObjectNode attachments = nodes.objectNode();
        if (!status.media().isEmpty()) {
            ArrayNode keys = attachments.putArray("media_keys");
            status.media().forEach(item -> keys.add(mediaKey(item)));
        }
        if (!status.polls().isEmpty()) {
            ArrayNode ids = attachments.putArray("poll_ids");
            status.polls().forEach(poll -> ids.add(poll.path("id_str").asText()));
        }
        return attachments;
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

    /**
     * The v2 entities of the part of the text shown: X lists a media link in {@code urls}, once per media item, with
     * its {@code media_key}; v1.1 lists it in {@code media} only.
     */
    private ObjectNode entities(String text, JsonNode v1, JsonNode media, ShownText shown) {
        ObjectNode entities = nodes.objectNode();
        ArrayNode hashtags = nodes.arrayNode();
        shownOf(v1.path("hashtags"), shown).forEach(tag -> hashtags.add(at(tag).put("tag", tag.path("text").asText())));
        ArrayNode mentions = nodes.arrayNode();
        shownOf(v1.path("user_mentions"), shown).forEach(mention -> mentions.add(at(mention)
                .put("username", mention.path("screen_name").asText())
                .put("id", mention.path("id_str").asText())));
        ArrayNode urls = nodes.arrayNode();
        shownOf(v1.path("urls"), shown).forEach(url -> urls.add(at(url)
                .put("url", url.path("url").asText())
                .put("expanded_url", url.path("expanded_url").asText())
                .put("display_url", url.path("display_url").asText())));
        shownOf(media, shown).forEach(item -> urls.add(at(item)
                .put("url", item.path("url").asText())
                .put("expanded_url", item.path("expanded_url").asText())
                .put("display_url", item.path("display_url").asText())
                .put("media_key", mediaKey(item))));
        ArrayNode cashtags = nodes.arrayNode();
        Cashtags.in(text).forEach(found -> cashtags.add(nodes.objectNode()
                .put("start", found.start()).put("end", found.end()).put("tag", found.tag())));
        putUnlessEmpty(entities, "hashtags", hashtags);
        putUnlessEmpty(entities, "mentions", mentions);
        putUnlessEmpty(entities, "urls", urls);
        putUnlessEmpty(entities, "cashtags", cashtags);
        return entities;
    }

    private static java.util.List<JsonNode> shownOf(JsonNode v1Entities, ShownText shown) {
        java.util.List<JsonNode> kept = new java.util.ArrayList<>();
        v1Entities.forEach(entity -> {
            if (shown.shows(entity.path("indices").path(1).asInt())) {
                kept.add(entity);
            }
        });
        return kept;
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
