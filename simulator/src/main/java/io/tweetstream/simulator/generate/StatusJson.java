package io.tweetstream.simulator.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.LocationBox;

/**
 * Writes statuses as Twitter's v1.1 streaming API sent them in compatibility mode, fields in Twitter's
 * order: a {@code text} of at most 140 code points, and for longer tweets {@code truncated: true} with the
 * whole text in {@code extended_tweet}.
 */
public final class StatusJson {

    private static final String PROFILE_IMAGES = "pbs.twimg.com/profile_images/";
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    public ObjectNode status(StatusSpec spec) {
        TweetText full = spec.fullText();
        boolean extended = full.isExtended();
        TweetText text = extended ? full.truncatedWithLink(spec.linkToTweet()) : full;

        ObjectNode status = nodes.objectNode();
        status.put("created_at", TwitterTime.format(spec.createdAt()));
        status.put("id", spec.id());
        status.put("id_str", Long.toString(spec.id()));
        status.put("text", text.text());
        status.put("source", spec.source().html());
        status.put("truncated", extended);
        writeReply(status, spec.reply());
        status.set("user", user(spec.author()));
        writeWhereabouts(status, spec.whereabouts());
        status.putNull("contributors");
        if (spec.quoted() != null) {
            status.put("quoted_status_id", spec.quoted().id());
            status.put("quoted_status_id_str", Long.toString(spec.quoted().id()));
            status.set("quoted_status", spec.quoted().json());
            status.set("quoted_status_permalink", permalink(spec.quoted().permalink()));
        }
        if (spec.retweetedStatus() != null) {
            status.set("retweeted_status", spec.retweetedStatus());
        }
        status.put("is_quote_status", spec.quoted() != null);
        if (extended) {
            status.set("extended_tweet", extendedTweet(full, spec.reply() != null));
        }
        status.put("quote_count", spec.engagement().quotes());
        status.put("reply_count", spec.engagement().replies());
        status.put("retweet_count", spec.engagement().retweets());
        status.put("favorite_count", spec.engagement().favorites());
        status.set("entities", entities(text));
        status.put("favorited", false);
        status.put("retweeted", false);
        if (text.entities().stream().anyMatch(Entity.Url.class::isInstance)) {
            status.put("possibly_sensitive", false);
        }
        status.put("filter_level", spec.filterLevel());
        status.put("lang", spec.lang());
        if (spec.streamed()) {
            status.put("timestamp_ms", Long.toString(spec.createdAt().toEpochMilli()));
        }
        return status;
    }

    ObjectNode user(UserProfile user) {
        ObjectNode node = nodes.objectNode();
        node.put("id", user.id());
        node.put("id_str", Long.toString(user.id()));
        node.put("name", user.name());
        node.put("screen_name", user.screenName());
        node.put("location", user.location());
        node.putNull("url");
        node.put("description", user.description());
        node.put("translator_type", "none");
        node.put("protected", false);
        node.put("verified", user.verified());
        node.put("followers_count", user.followersCount());
        node.put("friends_count", user.friendsCount());
        node.put("listed_count", user.listedCount());
        node.put("favourites_count", user.favouritesCount());
        node.put("statuses_count", user.statusesCount());
        node.put("created_at", TwitterTime.format(user.createdAt()));
        node.putNull("utc_offset");
        node.putNull("time_zone");
        node.put("geo_enabled", user.geoEnabled());
        node.putNull("lang");
        node.put("contributors_enabled", false);
        node.put("is_translator", false);
        node.put("profile_background_color", "F5F8FA");
        node.put("profile_background_image_url", "");
        node.put("profile_background_image_url_https", "");
        node.put("profile_background_tile", false);
        node.put("profile_link_color", "1DA1F2");
        node.put("profile_sidebar_border_color", "C0DEED");
        node.put("profile_sidebar_fill_color", "DDEEF6");
        node.put("profile_text_color", "333333");
        node.put("profile_use_background_image", true);
        node.put("profile_image_url", "http://" + PROFILE_IMAGES + user.profileImagePath());
        node.put("profile_image_url_https", "https://" + PROFILE_IMAGES + user.profileImagePath());
        node.put("default_profile", true);
        node.put("default_profile_image", false);
        node.putNull("following");
        node.putNull("follow_request_sent");
        node.putNull("notifications");
        return node;
    }

    ObjectNode entities(TweetText text) {
        ArrayNode hashtags = nodes.arrayNode();
        ArrayNode urls = nodes.arrayNode();
        ArrayNode mentions = nodes.arrayNode();
        for (Entity entity : text.entities()) {
            if (entity instanceof Entity.Hashtag hashtag) {
                hashtags.add(withIndices(nodes.objectNode().put("text", hashtag.text()), entity));
            } else if (entity instanceof Entity.Url url) {
                urls.add(withIndices(nodes.objectNode()
                        .put("url", url.link().url())
                        .put("expanded_url", url.link().expandedUrl())
                        .put("display_url", url.link().displayUrl()), entity));
            } else if (entity instanceof Entity.UserMention mention) {
                mentions.add(withIndices(nodes.objectNode()
                        .put("screen_name", mention.user().screenName())
                        .put("name", mention.user().name())
                        .put("id", mention.user().id())
                        .put("id_str", Long.toString(mention.user().id())), entity));
            }
        }
        ObjectNode entities = nodes.objectNode();
        entities.set("hashtags", hashtags);
        entities.set("urls", urls);
        entities.set("user_mentions", mentions);
        entities.set("symbols", nodes.arrayNode());
        return entities;
    }

    private ObjectNode extendedTweet(TweetText full, boolean isReply) {
        // Clients hide the leading mention of a reply; display_text_range starts after it.
        int displayStart = 0;
        if (isReply && !full.entities().isEmpty() && full.entities().get(0).start() == 0) {
            displayStart = full.entities().get(0).end() + 1;
        }
        ObjectNode extended = nodes.objectNode();
        extended.put("full_text", full.text());
        extended.set("display_text_range", nodes.arrayNode().add(Math.min(displayStart, full.length())).add(full.length()));
        extended.set("entities", entities(full));
        return extended;
    }

    private void writeReply(ObjectNode status, StatusSpec.Reply reply) {
        if (reply == null) {
            status.putNull("in_reply_to_status_id");
            status.putNull("in_reply_to_status_id_str");
            status.putNull("in_reply_to_user_id");
            status.putNull("in_reply_to_user_id_str");
            status.putNull("in_reply_to_screen_name");
            return;
        }
        status.put("in_reply_to_status_id", reply.statusId());
        status.put("in_reply_to_status_id_str", Long.toString(reply.statusId()));
        status.put("in_reply_to_user_id", reply.user().id());
        status.put("in_reply_to_user_id_str", Long.toString(reply.user().id()));
        status.put("in_reply_to_screen_name", reply.user().screenName());
    }

    private void writeWhereabouts(ObjectNode status, Whereabouts whereabouts) {
        GeoPoint point = whereabouts == null ? null : whereabouts.point();
        if (point == null) {
            status.putNull("geo");
            status.putNull("coordinates");
        } else {
            // The deprecated "geo" has latitude first; "coordinates" is GeoJSON, longitude first.
            status.set("geo", point("Point", nodes.arrayNode().add(point.latitude()).add(point.longitude())));
            status.set("coordinates", point("Point", nodes.arrayNode().add(point.longitude()).add(point.latitude())));
        }
        if (whereabouts == null || whereabouts.place() == null) {
            status.putNull("place");
        } else {
            status.set("place", place(whereabouts.place()));
        }
    }

    private ObjectNode place(Place place) {
        LocationBox box = place.boundingBox();
        ArrayNode ring = nodes.arrayNode()
                .add(lngLat(box.swLongitude(), box.swLatitude()))
                .add(lngLat(box.swLongitude(), box.neLatitude()))
                .add(lngLat(box.neLongitude(), box.neLatitude()))
                .add(lngLat(box.neLongitude(), box.swLatitude()));
        ObjectNode node = nodes.objectNode();
        node.put("id", place.id());
        node.put("url", "https://api.twitter.com/1.1/geo/id/" + place.id() + ".json");
        node.put("place_type", place.placeType());
        node.put("name", place.name());
        node.put("full_name", place.fullName());
        node.put("country_code", place.countryCode());
        node.put("country", place.country());
        node.set("bounding_box", point("Polygon", nodes.arrayNode().add(ring)));
        node.set("attributes", nodes.objectNode());
        return node;
    }

    private ObjectNode permalink(Link link) {
        return nodes.objectNode()
                .put("url", link.url())
                .put("expanded", link.expandedUrl())
                .put("display", link.displayUrl());
    }

    private ObjectNode point(String type, ArrayNode coordinates) {
        ObjectNode node = nodes.objectNode();
        node.put("type", type);
        node.set("coordinates", coordinates);
        return node;
    }

    private ArrayNode lngLat(double longitude, double latitude) {
        return nodes.arrayNode().add(longitude).add(latitude);
    }

    private static ObjectNode withIndices(ObjectNode node, Entity entity) {
        node.putArray("indices").add(entity.start()).add(entity.end());
        return node;
    }
}
