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
        boolean extended = spec.fullText().isExtended();
        // Lengths and cuts are counted on the text as written; X sends it HTML-escaped, indices and all.
        TweetText full = spec.fullText().escaped();
        TweetText text = extended ? spec.fullText().truncatedWithLink(spec.linkToTweet()).escaped() : full;
        PostDetails details = spec.details();

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
            status.set("extended_tweet", extendedTweet(full, spec.reply() != null, details));
        }
        status.put("quote_count", spec.engagement().quotes());
        status.put("reply_count", spec.engagement().replies());
        status.put("retweet_count", spec.engagement().retweets());
        status.put("favorite_count", spec.engagement().favorites());
        status.set("entities", entities(text, extended ? null : details));
        if (!extended && details.media() != null) {
            status.set("extended_entities", extendedEntities(details.media(), text));
        }
        status.put("favorited", false);
        status.put("retweeted", false);
        // Twitter says possibly_sensitive only of statuses with a link (media included).
        if (full.entities().stream().anyMatch(e -> e instanceof Entity.Url || e instanceof Entity.Media)) {
            status.put("possibly_sensitive", details.possiblySensitive());
        }
        writeWithheld(status, details.withheld());
        writeEdits(status, details.editHistory());
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

    /** @param details the media and poll to list with these entities; {@code null} for none */
    ObjectNode entities(TweetText text, PostDetails details) {
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
        if (details != null && details.media() != null) {
            // entities.media holds the first item, shown as a photo (a video's thumbnail); extended_entities all.
            Entity.Media link = text.media().orElseThrow();
            MediaAttachment.Item first = details.media().items().get(0);
            entities.putArray("media").add(mediaItem(details.media(), first, link, false));
        }
        if (details != null && details.poll() != null) {
            // The shape of Twitter's enterprise (native) format; standard v1.1 had no polls.
            entities.putArray("polls").add(poll(details.poll()));
        }
        return entities;
    }

    private ObjectNode extendedEntities(MediaAttachment media, TweetText text) {
        Entity.Media link = text.media().orElseThrow();
        ArrayNode items = nodes.arrayNode();
        media.items().forEach(item -> items.add(mediaItem(media, item, link, true)));
        ObjectNode extended = nodes.objectNode();
        extended.set("media", items);
        return extended;
    }

    private ObjectNode mediaItem(MediaAttachment media, MediaAttachment.Item item, Entity.Media link, boolean real) {
        MediaAttachment.Type type = real ? item.type() : MediaAttachment.Type.PHOTO;
        ObjectNode node = nodes.objectNode();
        node.put("id", item.id());
        node.put("id_str", Long.toString(item.id()));
        withIndices(node, link);
        node.put("media_url", item.imageUrl().replaceFirst("^https:", "http:"));
        node.put("media_url_https", item.imageUrl());
        node.put("url", media.link().url());
        node.put("display_url", media.link().displayUrl());
        node.put("expanded_url", media.link().expandedUrl());
        node.put("type", type.apiName());
        node.putObject("original_info").put("width", item.width()).put("height", item.height());
        ObjectNode sizes = node.putObject("sizes");
        sizes.putObject("thumb").put("w", 150).put("h", 150).put("resize", "crop");
        sizes.putObject("large").put("w", item.width()).put("h", item.height()).put("resize", "fit");
        if (real && item.altText() != null) {
            node.put("ext_alt_text", item.altText());
        }
        if (real && item.type() != MediaAttachment.Type.PHOTO) {
            ObjectNode video = node.putObject("video_info");
            video.putArray("aspect_ratio").add(item.width()).add(item.height());
            if (item.type() == MediaAttachment.Type.VIDEO) {
                video.put("duration_millis", item.durationMs());
            }
            String folder = item.type() == MediaAttachment.Type.VIDEO ? "ext_tw_video/" + item.id() + "/pu/vid/"
                    : "tweet_video/";
            video.putArray("variants").addObject().put("bitrate", item.type() == MediaAttachment.Type.VIDEO ? 832_000 : 0)
                    .put("content_type", "video/mp4")
                    .put("url", "https://video.twimg.com/" + folder + item.fileName() + ".mp4");
        }
        return node;
    }

    private ObjectNode poll(Poll poll) {
        ObjectNode node = nodes.objectNode();
        ArrayNode options = node.putArray("options");
        for (int i = 0; i < poll.options().size(); i++) {
            options.addObject().put("position", i + 1).put("text", poll.options().get(i));
        }
        node.put("end_datetime", TwitterTime.format(poll.endsAt()));
        node.put("duration_minutes", poll.durationMinutes());
        // Not in Twitter's v1.1 shape: the simulator's own, so the v2 rendering can give the poll's id.
        node.put("id_str", Long.toString(poll.id()));
        return node;
    }

    private void writeWithheld(ObjectNode status, Withheld withheld) {
        if (withheld == null) {
            return;
        }
        if (withheld.copyright()) {
            status.put("withheld_copyright", true);
        }
        ArrayNode countries = status.putArray("withheld_in_countries");
        withheld.countryCodes().forEach(countries::add);
        status.put("withheld_scope", "status");
    }

    /** The edit fields Twitter added to v1.1 statuses with edits (September 2022). */
    private void writeEdits(ObjectNode status, EditHistory history) {
        ObjectNode edits = status.putObject("edit_history");
        edits.put("initial_tweet_id", Long.toString(history.versionIds().get(0)));
        ArrayNode ids = edits.putArray("edit_tweet_ids");
        history.versionIds().forEach(id -> ids.add(Long.toString(id)));
        status.putObject("edit_controls")
                .put("edits_remaining", history.editsRemaining())
                .put("is_edit_eligible", history.editable())
                .put("editable_until_ms", history.editableUntil().toEpochMilli());
        status.put("editable", history.editable() && history.editsRemaining() > 0);
    }

    private ObjectNode extendedTweet(TweetText full, boolean isReply, PostDetails details) {
        // Clients hide the leading mention of a reply and the trailing media link; display_text_range leaves them out.
        int displayStart = 0;
        if (isReply && !full.entities().isEmpty() && full.entities().get(0).start() == 0) {
            displayStart = full.entities().get(0).end() + 1;
        }
        int displayEnd = full.media().map(media -> media.start() - 1).orElse(full.length());
        ObjectNode extended = nodes.objectNode();
        extended.put("full_text", full.text());
        extended.set("display_text_range", nodes.arrayNode().add(Math.min(displayStart, displayEnd)).add(displayEnd));
        extended.set("entities", entities(full, details));
        if (details.media() != null) {
            extended.set("extended_entities", extendedEntities(details.media(), full));
        }
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
