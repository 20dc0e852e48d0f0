package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamEvent.TweetReceived;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.record.TweetConverter;
import io.tweetstream.connect.record.TweetSchema;
import io.tweetstream.connect.tweet.Tweet;
import io.tweetstream.connect.v1.StatusMapper;
import io.tweetstream.simulator.RenderedTweet;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.TweetRenderings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import twitter4j.TwitterObjectFactory;

/**
 * The same post, as the simulator renders it on each API (the v2 line with exactly the fields the
 * connector asks X for), gives the same record through each API's real mapper. The simulator's mix
 * is turned up so that every shape both APIs have (long posts, HTML-escaped text, media, retweets
 * and quotes of long posts, edits, withheld, possibly sensitive) comes up many times.
 */
class RenderingParityTest {

    private static final int POSTS = 1_500;
    /**
     * The README's v2-only fields (section "Record value schema"): compared where the v1.1 payload
     * carries them too (an edited post's history), skipped where v1.1 leaves them null.
     */
    private static final Set<String> V2_ONLY = Set.of(TweetSchema.CONVERSATION_ID, TweetSchema.EDIT_HISTORY_TWEET_IDS);

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 2026})
    void everyPostGivesTheSameRecordOnBothApis(long seed) throws Exception {
        TweetRenderings renderings = TweetRenderings.of(SimulatorSettings.builder().seed(seed)
                .retweetRatio(0.3).quoteRatio(0.2).extendedRatio(0.3)
                .longPostRatio(0.2).htmlEntityRatio(0.3).mediaRatio(0.3).editedRatio(0.2)
                .sensitiveRatio(0.2).withheldRatio(0.1)
                .unavailableReferenceRatio(0).missingReferencedAuthorRatio(0)
                .build());
        Instant postedAt = Instant.parse("2026-11-25T12:00:00Z");
        int compared = 0;
        for (int i = 0; i < POSTS; i++) {
            RenderedTweet post = renderings.next(postedAt.plusMillis(i * 40L), StreamRequest.FIELDS);
            Struct v1 = TweetConverter.toStruct(
                    StatusMapper.toTweet(TwitterObjectFactory.createStatus(post.v1Status()), post.v1Status(), false),
                    List.of());
            Struct v2 = TweetConverter.toStruct(v2Tweet(post.v2Line()), List.of());
            for (Field field : TweetSchema.VALUE.fields()) {
                boolean v2Only = V2_ONLY.contains(field.name()) && v1.get(field) == null;
                if (!v2Only && !field.name().equals(TweetSchema.RAW_JSON)) {
                    assertThat(v2.get(field)).as("%s of post %s, v2 line: %s", field.name(), post.id(), post.v2Line()).isEqualTo(v1.get(field));
                }
            }
            compared++;
        }
        assertThat(compared).isEqualTo(POSTS);
    }

    private static Tweet v2Tweet(String line) throws InterruptedException {
        StreamStats stats = new StreamStats();
        EventBuffer buffer = new EventBuffer(1, stats);
        V2MessageHandler sample = new V2MessageHandler(buffer, stats, null, false, V2Fixtures.unlimitedBudget());
        sample.handle(line.getBytes(StandardCharsets.UTF_8));
        List<StreamEvent> events = buffer.drain(1, 1);
        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).as("skipped: %s", line).isZero();
        assertThat(events).as("the v2 line gives a tweet: %s", line).singleElement().isInstanceOf(TweetReceived.class);
        return ((TweetReceived) events.get(0)).tweet();
    }
}
