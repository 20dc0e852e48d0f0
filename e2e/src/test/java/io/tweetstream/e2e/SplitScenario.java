package io.tweetstream.e2e;

import io.tweetstream.testkit.ConnectRest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.ConnectionInfo;
import io.tweetstream.simulator.SentTweet;
import io.tweetstream.simulator.StreamSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;

/**
 * The main end-to-end scenario, for any worker and broker: a REST POST of the shipped connector JSON
 * with three tasks and five phrases; the simulator sees three connections with the phrases split
 * between them; every tweet it sent arrives in the topic exactly once, keyed by its id, with the
 * phrase it was sent for among its matched keywords.
 *
 * <p>The simulator must send a bounded number of tweets per connection ({@code maxTweetsPerConnection}).
 */
final class SplitScenario {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String CONSUMER_KEY = "ck-split";

    private final ConnectRest rest;
    private final String bootstrapServers;
    private final StreamSimulator simulator;
    private final String simulatorUrlForWorker;

    /** @param simulatorUrlForWorker the simulator's base URL as the worker reaches it */
    SplitScenario(ConnectRest rest, String bootstrapServers, StreamSimulator simulator, String simulatorUrlForWorker) {
        this.rest = rest;
        this.bootstrapServers = bootstrapServers;
        this.simulator = simulator;
        this.simulatorUrlForWorker = simulatorUrlForWorker;
    }

    private List<ConnectionInfo> connections() {
        return simulator.connections().stream().filter(c -> CONSUMER_KEY.equals(c.consumerKey())).toList();
    }

    void run() {
        String topic = "tweets-split";
        long perConnection = simulator.settings().maxTweetsPerConnection();
        ObjectNode body = ConnectorConfigs.restBody("split", simulatorUrlForWorker,
            ConnectorConfigs.with(ConnectorConfigs.credentials(CONSUMER_KEY, 3), "tasks.max", "3", "topic", topic,
                "twitter.track.keywords", "kafka,spark,flink,java,data engineering"));

        ConnectRest.Response created = rest.post("/connectors", body);

        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        rest.awaitRunning("split", 3, DEADLINE);
        await().atMost(DEADLINE).until(() -> connections().size() == 3
            && connections().stream().allMatch(c -> c.open() && c.tweetsSent() == perConnection));
        assertThat(connections()).extracting(ConnectionInfo::track).containsExactlyInAnyOrder(
            List.of("kafka", "spark"), List.of("flink", "java"), List.of("data engineering"));

        List<Long> connectionIds = connections().stream().map(ConnectionInfo::id).toList();
        Map<Long, SentTweet> sent = simulator.sentTweets().stream()
            .filter(t -> connectionIds.contains(t.connectionId()))
            .collect(Collectors.toMap(SentTweet::id, Function.identity()));
        List<TweetTopic.Tweet> received = new ArrayList<>();
        try (TweetTopic tweets = new TweetTopic(bootstrapServers, topic)) {
            await().atMost(DEADLINE).until(() -> {
                received.addAll(tweets.poll());
                return received.size() >= sent.size();
            });
            received.addAll(tweets.poll()); // anything more would be a duplicate
        }

        assertThat(sent).hasSize(3 * (int) perConnection);
        assertThat(received).extracting(TweetTopic.Tweet::key).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(sent.keySet());
        for (TweetTopic.Tweet tweet : received) {
            Struct value = (Struct) tweet.value();
            assertThat(value.getInt64("id")).isEqualTo(tweet.key());
            assertThat(value.<String>getArray("matched_keywords"))
                .containsAll(sent.get((Long) tweet.key()).injectedKeywords());
        }
    }
}
