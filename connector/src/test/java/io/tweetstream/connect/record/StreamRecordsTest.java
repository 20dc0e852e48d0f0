package io.tweetstream.connect.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.Fixtures;
import io.tweetstream.connect.core.PendingGaps;
import io.tweetstream.connect.core.RecentTweetIds;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamEvent.GeoScrubbed;
import io.tweetstream.connect.core.StreamEvent.TweetDeleted;
import io.tweetstream.connect.core.StreamEvent.TweetReceived;
import io.tweetstream.connect.core.StreamEvent.TweetWithheld;
import io.tweetstream.connect.core.StreamEvent.UserWithheld;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.tweet.Like;
import io.tweetstream.connect.tweet.Tweet;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class StreamRecordsTest {

    private static final long AT = 1_795_568_400_000L;

    private final StreamStats stats = new StreamStats();
    private final TweetRecords tweetRecords = new TweetRecords("tweets", "track=kafka");

    private StreamRecords records(boolean tombstones, String complianceTopic) {
        return new StreamRecords(tweetRecords, new RecentTweetIds(100), tombstones, complianceTopic, stats, null);
    }

    private static final TweetReceived TWEET = new TweetReceived(Fixtures.tweet("withheld.json"), List.of("kafka"));
    private static final TweetWithheld STATUS_WITHHELD =
            new TweetWithheld(1861100000000000181L, 55555555L, List.of("DE", "FR"), AT);
    private static final UserWithheld USER_WITHHELD = new UserWithheld(3333333333L, List.of("TR"), AT);
    private static final GeoScrubbed SCRUB_GEO = new GeoScrubbed(98765432L, 1861100000000000202L, AT);
    private static final TweetDeleted DELETED = new TweetDeleted(1861100000000000191L, 98765432L, AT);

    private static Tweet tweet(long id) {
        Tweet t = TWEET.tweet();
        return new Tweet(id, t.createdAt().plusMillis(id % 1000), t.text(), t.lang(), t.user(), t.hashtags(),
                t.mentions(), t.links(), null, null, null, null, null, null, List.of(id), List.of(), false, id, List.of(),
                null);
    }

    @Test
    void everyRecordCarriesTheNewestTweetWrittenSoFarAsItsOffset() {
        // X delivers out of order: 102 before 101.
        List<SourceRecord> batch = records(true, "").toRecords(List.of(new TweetReceived(tweet(100), List.of()),
                new TweetReceived(tweet(102), List.of()), new TweetReceived(tweet(101), List.of()), DELETED));

        assertThat(batch).extracting(SourceRecord::sourceOffset).containsExactly(TweetRecords.offsetOf(tweet(100)),
                TweetRecords.offsetOf(tweet(102)), TweetRecords.offsetOf(tweet(102)), TweetRecords.offsetOf(tweet(102)));
    }

    @Test
    void recoveredTweetsUpToTheResumePointWereWrittenBeforeAndAreDropped() {
        StreamRecords records = records(true, "");
        records.resumeAfter(TweetRecords.offsetOf(tweet(200)));

        List<SourceRecord> batch = records.toRecords(List.of(new TweetReceived(tweet(199), List.of(), true),
                new TweetReceived(tweet(200), List.of(), true), new TweetReceived(tweet(201), List.of(), true),
                new TweetReceived(tweet(150), List.of(), false), new TweetReceived(tweet(201), List.of(), false)));

        assertThat(batch).extracting(SourceRecord::key).containsExactly(201L, 150L);
        assertThat(batch).extracting(SourceRecord::sourceOffset).containsOnly(TweetRecords.offsetOf(tweet(201)));
        assertThat(stats.get(StreamCounter.DUPLICATES)).isEqualTo(3);
    }

    @Test
    void aGapUnderRefillStaysInTheOffsetUntilRefilledSoThatARestartRefillsWhatIsLeft() {
        StreamRecords records = records(true, "");
        List<SourceRecord> batch = records.toRecords(List.of(new TweetReceived(tweet(100), List.of()),
                new StreamEvent.GapPending(210, 100, 210), new StreamEvent.GapEndsAt(210, 200),
                new TweetReceived(tweet(205), List.of()),
                new TweetReceived(tweet(150), List.of(), true)));

        assertThat(batch.get(1).sourceOffset().get(PendingGaps.OFFSET_KEY)).isEqualTo("100-200");
        assertThat(batch).hasSize(3);
        assertThat(batch.get(2).sourceOffset().get(PendingGaps.OFFSET_KEY)).isEqualTo("150-200");
        assertThat(batch.get(2).sourceOffset().get(TweetRecords.OFFSET_TWEET_ID)).isEqualTo(205L);
        List<SourceRecord> done = records.toRecords(List.of(new StreamEvent.GapRefilled(210),
                new TweetReceived(tweet(206), List.of())));
        assertThat(done.get(0).sourceOffset()).doesNotContainKey(PendingGaps.OFFSET_KEY);

        // Restarted from the middle batch's offset: the gap's rest is refilled, what the run wrote is not.
        StreamRecords restarted = records(true, "");
        restarted.resumeAfter(new java.util.HashMap<String, Object>(batch.get(2).sourceOffset()));
        List<SourceRecord> refilled = restarted.toRecords(List.of(new TweetReceived(tweet(150), List.of(), true),
                new TweetReceived(tweet(160), List.of(), true), new TweetReceived(tweet(205), List.of(), true)));
        assertThat(refilled).extracting(SourceRecord::key).containsExactly(160L);
    }

    @Test
    void withheldTweetBecomesATombstoneLikeADeletedOne() {
        List<SourceRecord> batch = records(true, "").toRecords(List.of(TWEET, STATUS_WITHHELD, DELETED));

        assertThat(batch).hasSize(3);
        assertThat(batch.get(1).key()).isEqualTo(1861100000000000181L);
        assertThat(batch.get(1).value()).isNull();
        assertThat(batch.get(1).topic()).isEqualTo("tweets");
        assertThat(batch.get(1).sourceOffset()).isEqualTo(TweetRecords.offsetOf(TWEET.tweet()));
        assertThat(batch.get(2).key()).isEqualTo(1861100000000000191L);
        assertThat(stats.get(StreamCounter.TOMBSTONES)).isEqualTo(2);
    }

    @Test
    void withoutTombstonesOrComplianceTopicNoticesWriteNothing() {
        List<SourceRecord> batch = records(false, "").toRecords(List.of(STATUS_WITHHELD, USER_WITHHELD, SCRUB_GEO,
                DELETED));

        assertThat(batch).isEmpty();
        assertThat(stats.get(StreamCounter.TOMBSTONES)).isZero();
    }

    @Test
    void userWithheldAndScrubGeoCannotRewriteRecordsSoWriteNoTombstone() {
        assertThat(records(true, "").toRecords(List.of(USER_WITHHELD, SCRUB_GEO))).isEmpty();
    }

    @Test
    void aUsersChangeIsANoticeWithTheProfileFieldWhenItHasOne() {
        StreamEvent suspended = new StreamEvent.UserChanged("user_suspend", 77L, AT, null, null);
        StreamEvent modified = new StreamEvent.UserChanged("user_profile_modification", 78L, AT, "profile.name",
                "New name");

        List<SourceRecord> notices = records(true, "tweets-compliance").toRecords(List.of(suspended, modified));

        assertThat(notices).extracting(SourceRecord::key).containsExactly(77L, 78L);
        assertThat(notices).allSatisfy(r -> ((Struct) r.value()).validate());
        Struct suspend = (Struct) notices.get(0).value();
        assertThat(suspend.getString(ComplianceSchema.TYPE)).isEqualTo("user_suspend");
        assertThat(suspend.getString(ComplianceSchema.PROFILE_FIELD)).isNull();
        Struct modify = (Struct) notices.get(1).value();
        assertThat(modify.getString(ComplianceSchema.PROFILE_FIELD)).isEqualTo("profile.name");
        assertThat(modify.getString(ComplianceSchema.NEW_VALUE)).isEqualTo("New name");
        assertThat(records(true, "").toRecords(List.of(suspended))).as("no topic, no notice, no tombstone").isEmpty();
    }

    @Test
    void aRemovedLikeIsAnUnlikeNoticeOfTheUserAndTombstonesNoTweet() {
        StreamEvent removed = new StreamEvent.LikeRemoved(1861100000000000181L, 77L, AT);

        List<SourceRecord> notices = records(true, "tweets-compliance").toRecords(List.of(removed));

        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.topic()).isEqualTo("tweets-compliance");
            assertThat(notice.key()).isEqualTo(77L);
            Struct value = (Struct) notice.value();
            value.validate();
            assertThat(value.getString(ComplianceSchema.TYPE)).isEqualTo(ComplianceSchema.TYPE_UNLIKE);
            assertThat(value.getInt64(ComplianceSchema.TWEET_ID)).isEqualTo(1861100000000000181L);
        });
        assertThat(records(true, "").toRecords(List.of(removed))).as("the Post itself is not deleted").isEmpty();
    }

    @Test
    void aLikeIsARecordKeyedByItsIdAndOneThatCameAgainIsDropped() {
        Like like = new Like("8ba4f34e6235d905a46bac021d98e923", 1861100000000000181L, 55555555L,
                java.time.Instant.ofEpochMilli(AT - 60_000), java.time.Instant.ofEpochMilli(AT), null);
        StreamEvent received = new StreamEvent.LikeReceived(like, 1861100000000000999L, false);

        List<SourceRecord> batch = records(true, "").toRecords(List.of(received, received));

        assertThat(batch).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("tweets");
            assertThat(record.key()).isEqualTo("8ba4f34e6235d905a46bac021d98e923");
            assertThat(record.keySchema()).isEqualTo(LikeSchema.KEY);
            assertThat(record.timestamp()).isEqualTo(AT);
            Struct value = (Struct) record.value();
            value.validate();
            assertThat(value.getInt64(LikeSchema.LIKED_TWEET_ID)).isEqualTo(1861100000000000181L);
            assertThat(value.getInt64(LikeSchema.LIKED_TWEET_AUTHOR_ID)).isEqualTo(55555555L);
            assertThat(value.get(LikeSchema.LIKED_AT)).isEqualTo(new Date(AT));
            assertThat(value.get(LikeSchema.TWEET_CREATED_AT)).isEqualTo(new Date(AT - 60_000));
        });
        assertThat(stats.get(StreamCounter.DUPLICATES)).isEqualTo(1);
    }

    @Test
    void recoveredLikesBeforeTheResumePointsMillisecondWereWrittenAndThoseOfItAreWrittenAgain() {
        StreamRecords records = records(true, "");
        long resumedAt = 1861100000000000000L;
        records.resumeAfter(new io.tweetstream.connect.core.ResumePoint(resumedAt, java.time.Instant.ofEpochMilli(AT))
                .toOffset());
        Like before = new Like("00000000000000000000000000000001", 1, 2, null, java.time.Instant.ofEpochMilli(AT - 1),
                null);
        Like same = new Like("00000000000000000000000000000002", 1, 2, null, java.time.Instant.ofEpochMilli(AT), null);

        List<SourceRecord> batch = records.toRecords(List.of(new StreamEvent.LikeReceived(before, resumedAt - 1, true),
                new StreamEvent.LikeReceived(same, resumedAt, true)));

        assertThat(batch).extracting(SourceRecord::key).containsExactly(same.id());
    }

    @Test
    void everyNoticeGoesToTheComplianceTopicKeyedByUser() {
        List<StreamEvent> events = List.of(TWEET, STATUS_WITHHELD, USER_WITHHELD, SCRUB_GEO, DELETED);

        List<SourceRecord> notices = records(false, "tweets-compliance").toRecords(events);

        assertThat(notices).hasSize(5).first().extracting(SourceRecord::topic).isEqualTo("tweets");
        List<SourceRecord> compliance = notices.subList(1, 5);
        assertThat(compliance).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("tweets-compliance");
            assertThat(r.valueSchema()).isEqualTo(ComplianceSchema.VALUE);
            ((Struct) r.value()).validate();
            assertThat(r.timestamp()).isEqualTo(AT);
            assertThat(r.sourceOffset()).isEqualTo(TweetRecords.offsetOf(TWEET.tweet()));
        });
        assertThat(compliance).extracting(SourceRecord::key)
                .containsExactly(55555555L, 3333333333L, 98765432L, 98765432L);
        assertThat(compliance).extracting(r -> ((Struct) r.value()).getString(ComplianceSchema.TYPE))
                .containsExactly("status_withheld", "user_withheld", "scrub_geo", "delete");
        Struct withheld = (Struct) compliance.get(0).value();
        assertThat(withheld.getInt64(ComplianceSchema.TWEET_ID)).isEqualTo(1861100000000000181L);
        assertThat(withheld.getArray(ComplianceSchema.WITHHELD_COUNTRIES)).containsExactly("DE", "FR");
        Struct scrub = (Struct) compliance.get(2).value();
        assertThat(scrub.getInt64(ComplianceSchema.UP_TO_TWEET_ID)).isEqualTo(1861100000000000202L);
        assertThat(scrub.getInt64(ComplianceSchema.TWEET_ID)).isNull();
        assertThat(scrub.get(ComplianceSchema.RECEIVED_AT)).isEqualTo(new Date(AT));
        assertThat(stats.get(StreamCounter.COMPLIANCE_NOTICES_WRITTEN)).isEqualTo(4);
    }

    @Test
    void withBothTheWithheldTweetGetsATombstoneAndANotice() {
        List<SourceRecord> batch = records(true, "tweets-compliance").toRecords(List.of(STATUS_WITHHELD));

        assertThat(batch).extracting(SourceRecord::topic).containsExactly("tweets", "tweets-compliance");
    }

    @Test
    void aTweetThatArrivesAgainIsDroppedAndCounted() {
        List<SourceRecord> batch = records(true, "").toRecords(List.of(TWEET, TWEET));

        assertThat(batch).hasSize(1);
        assertThat(stats.get(StreamCounter.DUPLICATES)).isEqualTo(1);
    }
}
