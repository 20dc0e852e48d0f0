package io.tweetstream.simulator;

import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.tweetstream.simulator.testing.V2Client.FILTERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The filtered stream's history: continuous mode makes tweets with nobody connected; madeEarlier dates them back. */
class V2HistoryIT {

    private StreamSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void continuousModeMakesTweetsWithNoConnectionOpenAndRemembersThem() throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().tweetsPerSecond(50).continuousTweets(true)
                .keepAliveInterval(Duration.ofMillis(100)).build());
        V2Client client = new V2Client(simulator);
        String rule = client.addRule("kafka", "k");

        await().atMost(StreamClient.DEADLINE).until(() -> simulator.madeTweets().size() >= 20);
        assertThat(simulator.connections()).isEmpty();
        assertThat(simulator.madeTweets()).allSatisfy(tweet ->
                assertThat(tweet.matchingRules()).contains(new MatchedRule(rule, "k")));
        assertThat(simulator.madeTweets()).extracting(MadeTweet::id).isSorted().doesNotHaveDuplicates();

        List<Long> before = simulator.madeTweets().stream().map(MadeTweet::id).toList();
        try (StreamClient stream = client.open(FILTERED)) {
            long firstLive = stream.nextMessages(1).get(0).path("data").path("id").asLong();
            assertThat(firstLive).as("a connection gets what is made from then on").isGreaterThan(before.get(before.size() - 1));
        }
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.sentTweets().size() >= 1);
        assertThat(simulator.madeTweets()).extracting(MadeTweet::id)
                .containsAll(simulator.sentTweets().stream().map(SentTweet::id).toList());
    }

    @Test
    void withoutContinuousModeNothingIsMadeWhileNobodyIsConnected() throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().tweetsPerSecond(100).build());
        new V2Client(simulator).addRule("kafka", null);

        Thread.sleep(300); // nothing must happen: there is no condition to wait for

        assertThat(simulator.madeTweets()).isEmpty();
    }

    @Test
    void madeEarlierDatesTweetsEvenlyOverTheSpanWithIdsOfThoseTimesBelowLaterLiveOnes() throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().tweetsPerSecond(50).continuousTweets(true).build());
        V2Client client = new V2Client(simulator);
        String rule = client.addRule("kafka OR spark", "ks");
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.madeTweets().size() >= 3);
        List<MadeTweet> liveBefore = simulator.madeTweets();

        Instant asked = Instant.now();
        List<MadeTweet> earlier = simulator.madeEarlier(Duration.ofDays(9), 90);

        assertThat(earlier).hasSize(90);
        assertThat(earlier).extracting(MadeTweet::id).isSorted().doesNotHaveDuplicates();
        assertThat(earlier).extracting(MadeTweet::createdAt).isSorted();
        assertThat(earlier.get(0).createdAt()).isBetween(asked.minus(Duration.ofDays(9)).minusSeconds(1),
                asked.minus(Duration.ofDays(9)).plusSeconds(1));
        assertThat(Duration.between(earlier.get(0).createdAt(), earlier.get(1).createdAt()))
                .isEqualTo(Duration.ofDays(9).dividedBy(90));
        assertThat(earlier).allSatisfy(tweet -> {
            assertThat(tweet.createdAt()).isBefore(asked.plusMillis(1));
            assertThat(Instant.ofEpochMilli((tweet.id() >>> 22) + 1_288_834_974_657L)).isEqualTo(tweet.createdAt());
            assertThat(tweet.matchingRules()).contains(new MatchedRule(rule, "ks"));
        });
        assertThat(earlier.get(earlier.size() - 1).id()).isLessThan(liveBefore.get(0).id());
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.madeTweets().size() >= liveBefore.size() + 95);
        List<MadeTweet> all = simulator.madeTweets();
        assertThat(all.subList(0, 90)).isEqualTo(earlier);
        assertThat(all).extracting(MadeTweet::id).isSorted();
        assertThat(all).extracting(MadeTweet::createdAt).isSorted();
    }

    @Test
    void madeEarlierNeedsRulesAndASpanOfAtMostNineDays() throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().build());
        assertThatThrownBy(() -> simulator.madeEarlier(Duration.ofHours(1), 5)).isInstanceOf(IllegalStateException.class);
        new V2Client(simulator).addRule("kafka", null);
        assertThatThrownBy(() -> simulator.madeEarlier(Duration.ofDays(10), 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(simulator.madeEarlier(Duration.ofHours(1), 5)).hasSize(5);
    }
}
