package io.tweetstream.simulator.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.SentUserComplianceEvent;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.UserComplianceEvent;

import java.time.Instant;
import java.util.List;

/**
 * X's User compliance stream ({@link StreamEndpoint#V2_USER_COMPLIANCE}): the deletes and undeletes, protections,
 * suspensions, withholdings and profile changes of users, and the scrubs of their Posts' geo data, each in the
 * partition of the user id it names ({@code user.id}); kept and sent as every {@link ComplianceStream}'s events are.
 * The simulator makes none of its own: tests make them ({@link #plain} and friends), at once, whether or not a
 * connection is open. Thread-safe.
 */
public final class UserComplianceStream extends ComplianceStream<UserComplianceEvent, SentUserComplianceEvent> {

    public UserComplianceStream(SimulatorSettings settings, StreamLedger ledger, V2Controls controls) {
        super(StreamEndpoint.V2_USER_COMPLIANCE, settings, ledger, controls);
    }

    /**
     * Makes an event now whose body is the user and {@code event_at} alone: {@code type} one of
     * {@link UserComplianceEvent#PLAIN_TYPES} ({@code user_delete}, {@code user_suspend}, ...).
     */
    public UserComplianceEvent plain(String type, long userId) {
        if (!UserComplianceEvent.PLAIN_TYPES.contains(type)) {
            throw new IllegalArgumentException(type + " is not one of " + UserComplianceEvent.PLAIN_TYPES);
        }
        Instant at = now();
        return emit(event(type, userId, at, putEventAt(body(userId), at), List.of(), null, null, 0));
    }

    /** Makes a {@code user_withheld} of the user in {@code countries} now. */
    public UserComplianceEvent withhold(long userId, List<String> countries) {
        Instant at = now();
        return emit(event(UserComplianceEvent.USER_WITHHELD, userId, at,
                putEventAt(putCountries(body(userId), countries), at), countries, null, null, 0));
    }

    /** Makes a {@code user_profile_modification} of the user's {@code profileField}, now {@code newValue}. */
    public UserComplianceEvent modifyProfile(long userId, String profileField, String newValue) {
        Instant at = now();
        ObjectNode body = putEventAt(body(userId), at).put("profile_field", profileField).put("new_value", newValue);
        return emit(event(UserComplianceEvent.USER_PROFILE_MODIFICATION, userId, at, body, List.of(), profileField,
                newValue, 0));
    }

    /** Makes a {@code scrub_geo} of the user's Posts up to {@code upToTweetId} now. */
    public UserComplianceEvent scrubGeo(long userId, long upToTweetId) {
        Instant at = now();
        ObjectNode body = putEventAt(body(userId).put("up_to_tweet_id", Long.toString(upToTweetId)), at);
        return emit(event(UserComplianceEvent.SCRUB_GEO, userId, at, body, List.of(), null, null, upToTweetId));
    }

    @Override
    SentUserComplianceEvent sentRecord(long connectionId, int partition, Instant sentAt, UserComplianceEvent event) {
        return new SentUserComplianceEvent(connectionId, partition, sentAt, event);
    }

    /** A body naming the user: {@code {"user":{"id":"…"}}}, the rest to follow. */
    private static ObjectNode body(long userId) {
        ObjectNode body = NODES.objectNode();
        body.putObject("user").put("id", Long.toString(userId));
        return body;
    }

    private UserComplianceEvent event(String type, long userId, Instant at, ObjectNode body, List<String> countries,
                                      String profileField, String newValue, long upToTweetId) {
        return new UserComplianceEvent(type, userId, at, partitionOf(userId), line(type, body), countries,
                profileField, newValue, upToTweetId);
    }
}
