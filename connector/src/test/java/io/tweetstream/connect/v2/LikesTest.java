package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamEvent.LikeReceived;
import io.tweetstream.connect.core.StreamEvent.PositionReached;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.tweet.Like;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines of X's likes streams, in the shape of X's LikeWithTweetAuthor, through the handler. */
class LikesTest {

    private static final String LINE = "{\"data\":{\"created_at\":\"2021-01-06T18:40:40.000Z\","
            + "\"id\":\"8ba4f34e6235d905a46bac021d98e923\",\"liked_tweet_id\":\"1346889436626259968\","
            + "\"timestamp_ms\":1609958500123,\"liked_tweet_author_id\":\"2244994945\"}}";

    private final StreamStats stats = new StreamStats();
    private final EventBuffer buffer = new EventBuffer(10, stats);
    private final V2MessageHandler handler = new V2MessageHandler(buffer, stats, null, false,
            V2Fixtures.unlimitedBudget(), V2Messages.LIKES);

    private List<StreamEvent> handle(String line) throws InterruptedException {
        assertThat(handler.handle(line.getBytes(StandardCharsets.UTF_8))).isEqualTo(V2MessageHandler.Outcome.CONTINUE);
        return buffer.drain(10, 10);
    }

    @Test
    void aLikeComesAfterThePositionOfItsTime() throws InterruptedException {
        List<StreamEvent> events = handle(LINE);

        Instant likedAt = Instant.ofEpochMilli(1_609_958_500_123L);
        long position = Snowflake.lowestIdAt(likedAt);
        assertThat(events).containsExactly(new PositionReached(position, likedAt), new LikeReceived(
                new Like("8ba4f34e6235d905a46bac021d98e923", 1_346_889_436_626_259_968L, 2_244_994_945L,
                        Instant.parse("2021-01-06T18:40:40Z"), likedAt, null), position, false));
        assertThat(stats.get(StreamCounter.LIKES_RECEIVED)).isEqualTo(1);
        assertThat(handler.newestSeenId()).isEqualTo(position);
    }

    @Test
    void theAuthorUnderTheNameOfXsExampleAndAbsentFieldsAreRead() {
        Like like = LikeEvents.read(Json.MAPPER.valueToTree(java.util.Map.of("id", "abc", "liked_tweet_id", "7",
                "timestamp_ms", "1000", "tweet_author_id", "9")), null).orElseThrow();
        assertThat(like.likedTweetAuthorId()).isEqualTo(9);
        assertThat(like.tweetCreatedAt()).isNull();
        assertThat(LikeEvents.read(Json.MAPPER.valueToTree(java.util.Map.of("id", "abc", "liked_tweet_id", "7",
                "timestamp_ms", 1000)), null).orElseThrow().likedTweetAuthorId()).isEqualTo(-1);
    }

    @Test
    void aLineWithoutTheLikesIdPostOrTimeIsSkippedAndCounted() throws InterruptedException {
        assertThat(handle("{\"data\":{\"id\":\"abc\",\"timestamp_ms\":1000}}")).isEmpty();
        assertThat(handle("{\"data\":{\"liked_tweet_id\":\"7\",\"timestamp_ms\":1000}}")).isEmpty();
        assertThat(handle("{\"data\":{\"id\":\"abc\",\"liked_tweet_id\":\"7\"}}")).isEmpty();
        assertThat(handle("{\"data\":{\"id\":\"abc\",\"liked_tweet_id\":\"7\",\"timestamp_ms\":\"soon\"}}")).isEmpty();
        assertThat(handle("not json")).isEmpty();
        assertThat(stats.get(StreamCounter.SKIPPED_MESSAGES)).isEqualTo(5);
    }

    @Test
    void theConnectionAsksForEveryFieldOfALike() {
        assertThat(V2Endpoint.partition(PartitionedStream.LIKES_FIREHOSE, 7).pathAndQuery())
                .isEqualTo("2/likes/firehose/stream?partition=7&like_with_tweet_author.fields=created_at,id,"
                        + "liked_tweet_author_id,liked_tweet_id,timestamp_ms");
        assertThat(PartitionedStream.LIKES_FIREHOSE.partitions()).isEqualTo(20);
        assertThat(PartitionedStream.LIKES_SAMPLE10.partitions()).isEqualTo(2);
    }

    @Test
    void dedupeKeysTellLikesApart() {
        Like one = new Like("8ba4f34e6235d905a46bac021d98e923", 1, 2, null, Instant.EPOCH, null);
        Like other = new Like("8ba4f34e6235d905a46bac021d98e924", 1, 2, null, Instant.EPOCH, null);
        Like opaque = new Like("not-hex", 1, 2, null, Instant.EPOCH, null);
        assertThat(one.dedupeKey()).isNotEqualTo(other.dedupeKey()).isEqualTo(
                new Like(one.id(), 5, 6, null, Instant.now(), null).dedupeKey());
        assertThat(opaque.dedupeKey()).isNotEqualTo(new Like("not-hex2", 1, 2, null, Instant.EPOCH, null).dedupeKey());
    }
}
