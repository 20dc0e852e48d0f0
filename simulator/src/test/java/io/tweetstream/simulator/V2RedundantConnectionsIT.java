package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.tweetstream.simulator.testing.V2Client.FILTERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several connections to the v2 filtered stream, as an app with redundant connections (or a connector with one
 * task per connection) holds them: every connection gets every tweet, the same ones in the same order.
 */
class V2RedundantConnectionsIT {

    private StreamSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void connectionsOpenTogetherGetTheSameTweetsInTheSameOrderEachWithItsOwnFields() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(300).v2MaxConnections(2));
        client.addRuleMatchingNothing();
        try (StreamClient first = client.open(FILTERED + "?tweet.fields=lang");
             StreamClient second = client.open(FILTERED + "?expansions=author_id")) {
            client.addRule("kafka", "task-0");
            client.addRule("#flink OR spark", "task-1");

            List<JsonNode> firstMessages = first.nextMessages(100);
            List<JsonNode> secondMessages = second.nextMessages(100);

            assertThat(ids(secondMessages)).containsExactlyElementsOf(ids(firstMessages));
            assertThat(secondMessages).extracting(message -> message.path("matching_rules"))
                    .containsExactlyElementsOf(firstMessages.stream().map(message -> message.path("matching_rules")).toList());
            assertThat(firstMessages).allSatisfy(message -> {
                assertThat(message.path("data").has("lang")).isTrue();
                assertThat(message.has("includes")).isFalse();
            });
            assertThat(secondMessages).allSatisfy(message -> {
                assertThat(message.path("data").has("lang")).isFalse();
                assertThat(message.path("includes").path("users")).hasSize(1);
            });
        }
        List<ConnectionInfo> connections = simulator.connections();
        assertThat(connections).hasSize(2);
        // A send is recorded just after it was written: the client may have read it a moment before.
        await().atMost(StreamClient.DEADLINE).until(() -> connections.stream()
                .allMatch(connection -> sentIds(simulator.sentTweets(), connection.id()).size() >= 100));
        List<SentTweet> sent = simulator.sentTweets();
        List<Long> onFirst = sentIds(sent, connections.get(0).id());
        List<Long> onSecond = sentIds(sent, connections.get(1).id());
        int common = Math.min(onFirst.size(), onSecond.size());
        assertThat(onSecond.subList(0, common)).as("the ledger has one send per connection")
                .containsExactlyElementsOf(onFirst.subList(0, common));
    }

    @Test
    void aFaultInjectedIntoOneConnectionEndsItAloneAndTheOtherGoesOnWithEveryTweet() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(300).v2MaxConnections(2));
        client.addRule("kafka", null);
        try (StreamClient first = client.open(FILTERED);
             StreamClient second = client.open(FILTERED)) {
            first.nextMessages(10);
            List<String> secondIds = new ArrayList<>(ids(second.nextMessages(10)));
            long firstId = simulator.connections().get(0).id();
            long secondId = simulator.connections().get(1).id();

            assertThat(simulator.openStream(firstId).drop()).isEqualTo(1);
            assertThat(first.awaitEnd(StreamClient.DEADLINE)).as("the first ends").isPresent();
            await().atMost(StreamClient.DEADLINE).until(() -> !connection(firstId).open());
            long sentToFirst = connection(firstId).tweetsSent();
            secondIds.addAll(ids(second.nextMessages(100)));

            assertThat(connection(secondId).open()).isTrue();
            assertThat(connection(firstId).tweetsSent()).as("nothing more for the dropped one").isEqualTo(sentToFirst);
            assertThat(simulator.appliedFaults()).extracting(AppliedFault::connectionId).containsExactly(firstId);
            await().atMost(StreamClient.DEADLINE)
                    .until(() -> sentIds(simulator.sentTweets(), secondId).size() >= secondIds.size());
            List<Long> sentToSecond = sentIds(simulator.sentTweets(), secondId);
            assertThat(sentToSecond.subList(0, secondIds.size()))
                    .containsExactlyElementsOf(secondIds.stream().map(Long::valueOf).toList());
        }
        assertThat(simulator.openStream(99).drop()).as("no such connection").isZero();
    }

    @Test
    void aConnectionOpenedLaterGetsOnlyTheTweetsMadeFromThenOn() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(300).v2MaxConnections(2));
        client.addRule("kafka", null);
        try (StreamClient first = client.open(FILTERED)) {
            List<String> firstIds = new ArrayList<>(ids(first.nextMessages(50)));
            try (StreamClient later = client.open(FILTERED)) {
                List<String> laterIds = ids(later.nextMessages(50));
                while (!firstIds.contains(laterIds.get(laterIds.size() - 1))) {
                    firstIds.addAll(ids(first.nextMessages(1)));
                }

                int joined = firstIds.indexOf(laterIds.get(0));
                assertThat(joined).as("no replay of what the first connection got before").isGreaterThanOrEqualTo(50);
                assertThat(firstIds.subList(joined, joined + laterIds.size())).containsExactlyElementsOf(laterIds);
            }
        }
        ConnectionInfo later = simulator.connections().get(1);
        assertThat(simulator.sentTweets()).filteredOn(tweet -> tweet.connectionId() == later.id())
                .allSatisfy(tweet -> assertThat(tweet.sentAt()).isAfterOrEqualTo(later.openedAt()));
    }

    @Test
    void ruleChangesReachEveryConnectionAtTheSameTweet() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(300).v2MaxConnections(2));
        client.addRuleMatchingNothing();
        try (StreamClient first = client.open(FILTERED);
             StreamClient second = client.open(FILTERED)) {
            String kafka = client.addRule("kafka", "k");
            List<JsonNode> firstRead = new ArrayList<>(first.nextMessages(20));
            String flink = client.addRule("#flink", "f");
            client.deleteRule(kafka);
            // Twenty in a row for #flink alone: kafka's rule is gone (with both, each tweet is made for either).
            while (firstRead.size() < 40 || !firstRead.subList(firstRead.size() - 20, firstRead.size()).stream()
                    .allMatch(message -> ruleIds(message).equals(List.of(flink)))) {
                firstRead.addAll(first.nextMessages(1));
            }
            List<JsonNode> secondRead = second.nextMessages(firstRead.size());

            assertThat(ids(secondRead)).containsExactlyElementsOf(ids(firstRead));
            assertThat(secondRead.stream().map(V2RedundantConnectionsIT::ruleIds).toList())
                    .containsExactlyElementsOf(firstRead.stream().map(V2RedundantConnectionsIT::ruleIds).toList());
            assertThat(firstRead.subList(0, 20)).allSatisfy(message -> assertThat(ruleIds(message)).containsExactly(kafka));
        }
    }

    @Test
    void maxTweetsPerConnectionCapsEachConnectionApart() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(300).v2MaxConnections(2)
                .maxTweetsPerConnection(30).keepAliveInterval(Duration.ofMillis(100)));
        client.addRule("kafka", null);
        try (StreamClient first = client.open(FILTERED)) {
            List<String> firstIds = ids(first.nextMessages(30));
            assertThat(first.nextLine().isKeepAlive()).as("the first is capped").isTrue();

            try (StreamClient later = client.open(FILTERED)) {
                List<String> laterIds = ids(later.nextMessages(30));
                assertThat(laterIds).as("the source goes on for the later connection").doesNotContainAnyElementsOf(firstIds);
                assertThat(later.nextLine().isKeepAlive()).isTrue();
                assertThat(first.nextLine().isKeepAlive()).isTrue();
            }
        }
        assertThat(simulator.connections()).extracting(ConnectionInfo::tweetsSent).containsExactly(30L, 30L);
        assertThat(simulator.sentTweets()).hasSize(60);
    }

    @Test
    void aClientThatDoesNotReadHoldsUpNoOtherConnectionAndItsOverflowIsDroppedAndCounted() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(2000).v2MaxConnections(2)
                .v2ConnectionBacklog(1000));
        client.addRule("kafka OR spark OR flink", null);
        // Big messages, so that the socket buffers between the server and the idle client fill soon.
        HttpResponse<InputStream> idle = client.connect(FILTERED + "?tweet.fields=created_at,author_id,lang,entities,"
                + "public_metrics,referenced_tweets,source,conversation_id&expansions=author_id,referenced_tweets.id,"
                + "referenced_tweets.id.author_id,entities.mentions.username&user.fields=description,location,"
                + "public_metrics,created_at,profile_image_url,url");
        assertThat(idle.statusCode()).isEqualTo(200);
        try (InputStream notRead = idle.body(); StreamClient reader = client.open(FILTERED)) {
            long idleId = simulator.connections().get(0).id();
            long readerId = simulator.connections().get(1).id();
            await().atMost(Duration.ofSeconds(10)).until(() -> connection(idleId).tweetsDropped() > 0);
            long readerBefore = connection(readerId).tweetsSent();
            long droppedBefore = connection(idleId).tweetsDropped();

            await().atMost(StreamClient.DEADLINE).until(() -> connection(readerId).tweetsSent() >= readerBefore + 300);
            List<Long> readerSent = sentIds(simulator.sentTweets(), readerId);
            String lastSent = Long.toString(readerSent.get(readerSent.size() - 1));
            while (!reader.nextMessages(1).get(0).path("data").path("id").asText().equals(lastSent)) {
                // the reader reads all that was sent to it
            }

            assertThat(connection(readerId).tweetsDropped()).isZero();
            assertThat(connection(idleId).tweetsDropped() - droppedBefore)
                    .as("the idle client missed what the reader got, but for its backlog").isGreaterThanOrEqualTo(200);
            assertThat(connection(idleId).open()).as("the slow client keeps its connection").isTrue();
            JsonNode stats = Json.parse(StreamClient.http().send(HttpRequest.newBuilder(URI.create(simulator.statsUrl()))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(stats.path("totals").path("v2TweetsDropped").asLong()).isGreaterThanOrEqualTo(200);
            assertThat(stats.path("connections").get(0).path("tweetsDropped").asLong()).isGreaterThanOrEqualTo(200);
            assertThat(stats.path("connections").get(1).path("tweetsDropped").asLong()).isZero();
        }
    }

    private V2Client start(SimulatorSettings.Builder settings) {
        simulator = StreamSimulator.start(settings.build());
        return new V2Client(simulator);
    }

    private ConnectionInfo connection(long id) {
        return simulator.connections().stream().filter(info -> info.id() == id).findFirst().orElseThrow();
    }

    private static List<String> ruleIds(JsonNode message) {
        return message.path("matching_rules").findValuesAsText("id");
    }

    private static List<String> ids(List<JsonNode> messages) {
        return messages.stream().map(message -> message.path("data").path("id").asText()).toList();
    }

    private static List<Long> sentIds(List<SentTweet> sent, long connectionId) {
        return sent.stream().filter(tweet -> tweet.connectionId() == connectionId).map(SentTweet::id).toList();
    }
}
