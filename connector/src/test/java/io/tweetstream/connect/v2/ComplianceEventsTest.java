package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.connect.core.StreamEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The events of X's Post, User and likes compliance streams, in the shapes of X's "Compliance Data Objects" and of
 * the OpenAPI spec's LikeComplianceSchema.
 */
class ComplianceEventsTest {

    private static ComplianceEvents.Read read(String line) throws Exception {
        JsonNode root = Json.MAPPER.readTree(line);
        return ComplianceEvents.read(root.get("data")).orElseThrow();
    }

    @Test
    void aDeleteIsATombstoneAtTheEventsTime() throws Exception {
        ComplianceEvents.Read read = read("{\"data\":{\"delete\":{\"tweet\":{\"id\":\"601430178305220608\","
                + "\"author_id\":\"3198576760\"},\"event_at\":\"2022-12-23T12:34:56.789Z\"}}}");

        assertThat(read.events()).containsExactly(new StreamEvent.TweetDeleted(601430178305220608L, 3198576760L,
                Instant.parse("2022-12-23T12:34:56.789Z").toEpochMilli()));
        assertThat(read.eventAt()).isEqualTo(Instant.parse("2022-12-23T12:34:56.789Z"));
        assertThat(read.notApplied()).isNull();
    }

    @Test
    void aDropIsOneTooAndAWithholdingKeepsItsCountries() throws Exception {
        assertThat(read("{\"data\":{\"drop\":{\"tweet\":{\"id\":\"7\",\"author_id\":\"8\"},"
                + "\"event_at\":\"2026-12-03T10:00:00.000Z\"}}}").events())
                .singleElement().isInstanceOf(StreamEvent.TweetDeleted.class);
        assertThat(read("{\"data\":{\"withheld\":{\"tweet\":{\"id\":\"7\",\"author_id\":\"8\"},"
                + "\"withheld_in_countries\":[\"DE\",\"FR\"],\"event_at\":\"2026-12-03T10:00:00.000Z\"}}}").events())
                .containsExactly(new StreamEvent.TweetWithheld(7, 8, List.of("DE", "FR"),
                        Instant.parse("2026-12-03T10:00:00Z").toEpochMilli()));
    }

    @Test
    void editsUndropsAndUnknownTypesAreReportedNotApplied() throws Exception {
        ComplianceEvents.Read edit = read("{\"data\":{\"tweet_edit\":{\"tweet\":{\"id\":\"12\"},\"initial_tweet_id\":\"10\","
                + "\"edit_tweet_ids\":[\"10\",\"12\"],\"event_at\":\"2026-12-03T10:00:00.000Z\"}}}");
        assertThat(edit.events()).isEmpty();
        assertThat(edit.notApplied()).contains("Post 10 was edited into 12");
        assertThat(read("{\"data\":{\"undrop\":{\"tweet\":{\"id\":\"7\",\"author_id\":\"8\"},"
                + "\"event_at\":\"2026-12-03T10:00:00.000Z\"}}}").notApplied()).contains("public again");
        assertThat(read("{\"data\":{\"tweet_geo_scrub\":{\"tweet\":{\"id\":\"7\"},"
                + "\"event_at\":\"2026-12-03T10:00:00.000Z\"}}}").notApplied()).contains("'tweet_geo_scrub'");
    }

    @Test
    void aUsersEventsAreNoticesOfTheUser() throws Exception {
        long at = Instant.parse("2022-06-27T23:49:41.839Z").toEpochMilli();
        for (String type : List.of("user_delete", "user_undelete", "user_protect", "user_unprotect", "user_suspend",
                "user_unsuspend")) {
            ComplianceEvents.Read read = read("{\"data\":{\"" + type + "\":{\"user\":{\"id\":\"1375036644\"},"
                    + "\"event_at\":\"2022-06-27T23:49:41.839+00:00\"}}}");
            assertThat(read.events()).as(type).containsExactly(new StreamEvent.UserChanged(type, 1375036644L, at, null,
                    null));
            assertThat(read.notApplied()).isNull();
        }
        assertThat(read("{\"data\":{\"user_profile_modification\":{\"user\":{\"id\":\"906948460078698496\"},"
                + "\"event_at\":\"2022-06-27T23:49:41.839Z\",\"profile_field\":\"profile.description\","
                + "\"new_value\":\"Home of the @SnowbotDev chatbot.\"}}}").events())
                .containsExactly(new StreamEvent.UserChanged("user_profile_modification", 906948460078698496L, at,
                        "profile.description", "Home of the @SnowbotDev chatbot."));
        assertThat(read("{\"data\":{\"user_withheld\":{\"user\":{\"id\":\"9\"},\"withheld_in_countries\":"
                + "[\"TR\"],\"event_at\":\"2022-06-27T23:49:41.839Z\"}}}").events())
                .containsExactly(new StreamEvent.UserWithheld(9, List.of("TR"), at));
        assertThat(read("{\"data\":{\"scrub_geo\":{\"user\":{\"id\":\"9\"},\"up_to_tweet_id\":\"1000\","
                + "\"event_at\":\"2022-06-27T23:49:41.839Z\"}}}").events())
                .containsExactly(new StreamEvent.GeoScrubbed(9, 1000, at));
    }

    @Test
    void aRemovedLikeIsANoticeOfTheUserAndThePostNotATombstone() throws Exception {
        ComplianceEvents.Read read = read("{\"data\":{\"delete\":{\"favorite\":{\"id\":\"1866000000000000123\","
                + "\"user_id\":\"2244994945\"},\"event_at\":\"2026-12-04T02:30:00.123Z\"}}}");

        assertThat(read.events()).containsExactly(new StreamEvent.LikeRemoved(1866000000000000123L, 2244994945L,
                Instant.parse("2026-12-04T02:30:00.123Z").toEpochMilli()));
        assertThat(read.eventAt()).isEqualTo(Instant.parse("2026-12-04T02:30:00.123Z"));
        assertThat(ComplianceEvents.read(Json.MAPPER.readTree("{\"delete\":{\"favorite\":{\"id\":\"7\"},"
                + "\"event_at\":\"2026-12-04T02:30:00.123Z\"}}"))).as("no user").isEmpty();
    }

    @Test
    void aUsersEventWithoutTheUserIsNoEvent() throws Exception {
        assertThat(ComplianceEvents.read(Json.MAPPER.readTree(
                "{\"user_delete\":{\"event_at\":\"2026-12-03T10:00:00.000Z\"}}"))).isEmpty();
        assertThat(ComplianceEvents.read(Json.MAPPER.readTree(
                "{\"scrub_geo\":{\"user\":{\"id\":\"9\"},\"event_at\":\"2026-12-03T10:00:00.000Z\"}}"))).isEmpty();
    }

    @Test
    void aLineWithoutTheEventsTimeOrPostIsNoEvent() throws Exception {
        assertThat(ComplianceEvents.read(Json.MAPPER.readTree("{\"delete\":{\"tweet\":{\"id\":\"7\"}}}"))).isEmpty();
        assertThat(ComplianceEvents.read(Json.MAPPER.readTree(
                "{\"delete\":{\"tweet\":{},\"event_at\":\"2026-12-03T10:00:00.000Z\"}}"))).isEmpty();
        assertThat(ComplianceEvents.read(Json.MAPPER.readTree("{\"a\":{},\"b\":{}}"))).isEmpty();
    }
}
