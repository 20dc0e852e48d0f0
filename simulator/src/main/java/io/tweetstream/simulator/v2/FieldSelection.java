package io.tweetstream.simulator.v2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code tweet.fields}, {@code user.fields}, {@code place.fields} and {@code expansions} of a v2 stream
 * request. Names are checked against X's full lists, so a client gets the 400 X would give for a typo; a
 * known name the simulator has no data for (media, polls, metrics it does not keep) is accepted and left
 * out of the tweets, as X leaves out what a tweet does not have.
 */
public record FieldSelection(Set<String> tweetFields, Set<String> userFields, Set<String> placeFields,
                             Set<String> expansions, Set<String> mediaFields, Set<String> pollFields) {

    public static final FieldSelection DEFAULT = new FieldSelection(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            Set.of());

    static final Set<String> TWEET_FIELDS = Set.of("article", "attachments", "author_id", "card_uri", "community_id",
            "context_annotations", "conversation_id", "created_at", "display_text_range", "edit_controls",
            "edit_history_tweet_ids", "entities", "geo", "id", "in_reply_to_user_id", "lang", "media_metadata",
            "non_public_metrics", "note_tweet", "organic_metrics", "possibly_sensitive", "promoted_metrics",
            "public_metrics", "referenced_tweets", "reply_settings", "scopes", "source", "text", "withheld");
    static final Set<String> USER_FIELDS = Set.of("affiliation", "connection_status", "created_at", "description",
            "entities", "id", "is_identity_verified", "location", "most_recent_tweet_id", "name", "parody",
            "pinned_tweet_id", "profile_banner_url", "profile_image_url", "protected", "public_metrics",
            "receives_your_dm", "subscription", "subscription_type", "url", "username", "verified",
            "verified_followers_count", "verified_type", "withheld");
    static final Set<String> PLACE_FIELDS = Set.of("contained_within", "country", "country_code", "full_name", "geo",
            "id", "name", "place_type");
    static final Set<String> EXPANSIONS = Set.of("article.cover_media", "article.media_entities",
            "attachments.media_keys", "attachments.media_source_tweet", "attachments.poll_ids", "author_id",
            "edit_history_tweet_ids", "entities.mentions.username", "geo.place_id", "in_reply_to_user_id",
            "entities.note.mentions.username", "referenced_tweets.id", "referenced_tweets.id.attachments.media_keys",
            "referenced_tweets.id.author_id");
    static final Set<String> MEDIA_FIELDS = Set.of("alt_text", "duration_ms", "height", "media_key",
            "non_public_metrics", "organic_metrics", "preview_image_url", "promoted_metrics", "public_metrics", "type",
            "url", "variants", "width");
    static final Set<String> POLL_FIELDS = Set.of("duration_minutes", "end_datetime", "id", "options", "voting_status");
    /** The field parameters, shared by the streams and recent search. */
    public static final Set<String> FIELD_PARAMETERS = Set.of("tweet.fields", "user.fields", "place.fields",
            "expansions", "media.fields", "poll.fields");
    /** backfill_minutes, start_time and end_time are read apart. */
    private static final Set<String> PARAMETERS = Set.of("tweet.fields", "user.fields", "place.fields", "expansions",
            "media.fields", "poll.fields", "backfill_minutes", "start_time", "end_time");
    /** The parameters of X's partitioned volume streams (firehose, sample10): the streams' and {@code partition}. */
    public static final Set<String> VOLUME_STREAM_PARAMETERS = Set.of("tweet.fields", "user.fields", "place.fields",
            "expansions", "media.fields", "poll.fields", "backfill_minutes", "start_time", "end_time", "partition");

    /** @throws InvalidParametersException listing every unknown parameter and field name, as X does */
    public static FieldSelection parse(Map<String, String> query) throws InvalidParametersException {
        return parse(query, PARAMETERS);
    }

    /**
     * @param known every parameter the endpoint takes (the field parameters and its own)
     * @throws InvalidParametersException listing every unknown parameter and field name, as X does
     */
    public static FieldSelection parse(Map<String, String> query, Set<String> known) throws InvalidParametersException {
        List<InvalidParametersException.Problem> problems = unknownParameters(query, known);
        FieldSelection selection = new FieldSelection(
                names(query, "tweet.fields", TWEET_FIELDS, problems),
                names(query, "user.fields", USER_FIELDS, problems),
                names(query, "place.fields", PLACE_FIELDS, problems),
                names(query, "expansions", EXPANSIONS, problems),
                names(query, "media.fields", MEDIA_FIELDS, problems),
                names(query, "poll.fields", POLL_FIELDS, problems));
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        return selection;
    }

    public boolean tweetField(String name) {
        return tweetFields.contains(name);
    }

    public boolean userField(String name) {
        return userFields.contains(name);
    }

    public boolean placeField(String name) {
        return placeFields.contains(name);
    }

    public boolean mediaField(String name) {
        return mediaFields.contains(name);
    }

    public boolean pollField(String name) {
        return pollFields.contains(name);
    }

    /** Every field and expansion X has, as a client that wants all it can get would ask. */
    public static FieldSelection everything() {
        return new FieldSelection(TWEET_FIELDS, USER_FIELDS, PLACE_FIELDS, EXPANSIONS, MEDIA_FIELDS, POLL_FIELDS);
    }

    public boolean expands(String expansion) {
        return expansions.contains(expansion);
    }

    /**
     * X's problem for each parameter of {@code query} not in {@code known}, the endpoint's, in the order given: X
     * refuses any parameter an endpoint does not take, naming those it does.
     */
    static List<InvalidParametersException.Problem> unknownParameters(Map<String, String> query, Set<String> known) {
        List<InvalidParametersException.Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            if (!known.contains(parameter.getKey())) {
                problems.add(new InvalidParametersException.Problem(parameter.getKey(), List.of(parameter.getValue()),
                        "The query parameter [" + parameter.getKey() + "] is not one of " + listed(known)));
            }
        }
        return problems;
    }

    static Set<String> names(Map<String, String> query, String parameter, Set<String> known,
                                     List<InvalidParametersException.Problem> problems) {
        String value = query.get(parameter);
        if (value == null || value.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>(Arrays.asList(value.split(",")));
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            problems.add(new InvalidParametersException.Problem(parameter, unknown, "The `" + parameter
                    + "` query parameter value [" + String.join(",", unknown) + "] is not one of " + listed(known)));
        }
        return Set.copyOf(names);
    }

    static String listed(Set<String> names) {
        return "[" + String.join(",", new TreeSet<>(names)) + "]";
    }
}
