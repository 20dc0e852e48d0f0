package io.tweetstream.simulator.stream;

import io.tweetstream.simulator.StreamEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection's feed: bounded, capped, silent while stalled, and waits that wake for tweets and faults. */
class ConnectionFeedTest {

    private final StreamLedger ledger = new StreamLedger(0);
    private final ConnectionState connection = ledger.openV2(StreamEndpoint.V2_FILTERED, Instant.now(), 1).orElseThrow();

    @Test
    void dropsAndCountsWhatFindsItFullAndKeepsTheOldest() {
        ConnectionFeed feed = new ConnectionFeed(connection, ledger, 2, Long.MAX_VALUE);
        for (long id = 1; id <= 5; id++) {
            feed.offer(tweet(id), System.nanoTime());
        }

        assertThat(List.of(feed.poll().id(), feed.poll().id())).containsExactly(1L, 2L);
        assertThat(feed.poll()).isNull();
        assertThat(connection.tweetsDropped()).isEqualTo(3);
        assertThat(ledger.totals().v2TweetsDropped()).isEqualTo(3);

        feed.offer(tweet(6), System.nanoTime());
        assertThat(feed.poll().id()).as("room again once written").isEqualTo(6);
    }

    @Test
    void takesNoMoreThanTheMaximumPerConnectionWithoutCountingTheRestAsDropped() {
        ConnectionFeed feed = new ConnectionFeed(connection, ledger, 100, 2);
        for (long id = 1; id <= 4; id++) {
            feed.offer(tweet(id), System.nanoTime());
        }

        assertThat(feed.wantsTweets(System.nanoTime())).isFalse();
        assertThat(List.of(feed.poll().id(), feed.poll().id())).containsExactly(1L, 2L);
        assertThat(feed.poll()).isNull();
        assertThat(connection.tweetsDropped()).isZero();
    }

    @Test
    void takesNothingWhileSilencedAndKeepsWhatWaitedAlready() {
        ConnectionFeed feed = new ConnectionFeed(connection, ledger, 100, Long.MAX_VALUE);
        long now = System.nanoTime();
        feed.offer(tweet(1), now);
        feed.silenceUntil(now + TimeUnit.SECONDS.toNanos(10));
        feed.offer(tweet(2), now + 1);

        assertThat(feed.wantsTweets(now + 1)).isFalse();
        assertThat(feed.wantsTweets(now + TimeUnit.SECONDS.toNanos(11))).isTrue();
        assertThat(feed.poll().id()).isEqualTo(1);
        assertThat(feed.poll()).isNull();
    }

    @Test
    void aWaitEndsAtOnceForATweetOrAWakeUpButNotForATweetWhileSilenced() throws Exception {
        ConnectionFeed feed = new ConnectionFeed(connection, ledger, 100, Long.MAX_VALUE);
        long tenSeconds = TimeUnit.SECONDS.toNanos(10);

        feed.offer(tweet(1), System.nanoTime());
        assertThat(timeOf(() -> feed.await(tenSeconds))).isLessThan(TimeUnit.SECONDS.toNanos(1));

        feed.wake();
        feed.silenceUntil(System.nanoTime() + tenSeconds);
        assertThat(timeOf(() -> feed.await(tenSeconds))).as("a wake-up before the wait is not lost")
                .isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(timeOf(() -> feed.await(TimeUnit.MILLISECONDS.toNanos(100))))
                .as("the waiting tweet does not count while silent").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    }

    private interface Wait {
        void run() throws InterruptedException;
    }

    private static long timeOf(Wait wait) throws InterruptedException {
        long start = System.nanoTime();
        wait.run();
        return System.nanoTime() - start;
    }

    private static V2Tweet tweet(long id) {
        return new V2Tweet(id, 7, null, List.of(), List.of(), Instant.now(), null);
    }
}
