package io.tweetstream.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An event of X's User compliance stream ({@code GET /2/users/compliance/stream?partition=1..4}) that the simulator
 * made, whether or not a client got it, in the shapes of X's "Compliance Data Objects" page:
 * <ul>
 *   <li>{@code user_delete}: {@code {"data":{"user_delete":{"user":{"id":"…"},"event_at":"…"}}}}; likewise
 *       {@code user_undelete}, {@code user_protect}, {@code user_unprotect}, {@code user_suspend} and
 *       {@code user_unsuspend}, under their own names</li>
 *   <li>{@code user_withheld}: {@code {"data":{"user_withheld":{"user":{"id":"…"},"withheld_in_countries":["XY"],
 *       "event_at":"…"}}}}</li>
 *   <li>{@code user_profile_modification}: {@code {"data":{"user_profile_modification":{"user":{"id":"…"},
 *       "event_at":"…","profile_field":"profile.description","new_value":"…"}}}}</li>
 *   <li>{@code scrub_geo}: {@code {"data":{"scrub_geo":{"user":{"id":"…"},"up_to_tweet_id":"…","event_at":"…"}}}}</li>
 * </ul>
 *
 * @param type                {@link #USER_DELETE}, {@link #USER_UNDELETE}, {@link #USER_PROTECT},
 *                            {@link #USER_UNPROTECT}, {@link #USER_SUSPEND}, {@link #USER_UNSUSPEND},
 *                            {@link #USER_WITHHELD}, {@link #USER_PROFILE_MODIFICATION} or {@link #SCRUB_GEO}
 * @param userId              the id in {@code user.id}
 * @param eventAt             its {@code event_at} (milliseconds), when it was made
 * @param partition           the one partition (1-4) that carries it, chosen by {@code userId}
 *                            ({@code VolumePartitions.of(StreamEndpoint.V2_USER_COMPLIANCE, userId)})
 * @param json                exactly the line sent, without the CRLF
 * @param withheldInCountries a {@code user_withheld}'s {@code withheld_in_countries}; empty for the other types
 * @param profileField        a {@code user_profile_modification}'s {@code profile_field} (one of
 *                            {@link #PROFILE_FIELDS}); {@code null} for the other types
 * @param newValue            a {@code user_profile_modification}'s {@code new_value}; {@code null} for the other types
 * @param upToTweetId         a {@code scrub_geo}'s {@code up_to_tweet_id}; 0 for the other types
 */
public record UserComplianceEvent(String type, long userId, Instant eventAt, int partition, String json,
                                  List<String> withheldInCountries, String profileField, String newValue,
                                  long upToTweetId) implements ComplianceStreamEvent {

    public static final String USER_DELETE = "user_delete";
    public static final String USER_UNDELETE = "user_undelete";
    public static final String USER_PROTECT = "user_protect";
    public static final String USER_UNPROTECT = "user_unprotect";
    public static final String USER_SUSPEND = "user_suspend";
    public static final String USER_UNSUSPEND = "user_unsuspend";
    public static final String USER_WITHHELD = "user_withheld";
    public static final String USER_PROFILE_MODIFICATION = "user_profile_modification";
    public static final String SCRUB_GEO = "scrub_geo";

    /** The {@code profile_field}s X's docs name for a {@code user_profile_modification}. */
    public static final List<String> PROFILE_FIELDS = List.of("profile.name", "profile.location",
            "profile.description", "profile.url", "profile.profileBanner", "profile.profileBanner.url",
            "profile.profileImage", "profile.profileImage.url");

    /** The types whose body is the user and {@code event_at} alone. */
    public static final Set<String> PLAIN_TYPES = Set.of(USER_DELETE, USER_UNDELETE, USER_PROTECT, USER_UNPROTECT,
            USER_SUSPEND, USER_UNSUSPEND);

    public UserComplianceEvent {
        withheldInCountries = List.copyOf(withheldInCountries);
    }
}
