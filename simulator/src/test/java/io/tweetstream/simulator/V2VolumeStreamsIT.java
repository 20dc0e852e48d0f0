package io.tweetstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.StreamsUnderTest;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * X's partitioned Enterprise volume streams over real HTTP: the firehose in 20 partitions and sample10 (a tenth of the
 * firehose) in 2, each partition a disjoint share, together the whole stream; the {@code partition} parameter and the
 * tier (these on the Likes streams too, which answer alike; their Likes are {@link V2LikesStreamsIT}'s); connections,
 * backfill and Recovery per partition; the rate.
 */
class V2VolumeStreamsIT {

    private static final String FIREHOSE = "2/tweets/firehose/stream";
    private static final String SAMPLE10 = "2/tweets/sample10/stream";
    private static final String LIKES_FIREHOSE = V2LikesStreamsIT.LIKES_FIREHOSE;
    private static final String LIKES_SAMPLE10 = V2LikesStreamsIT.LIKES_SAMPLE10;
    private static final Duration LONG_DEADLINE = Duration.ofSeconds(20);

    private StreamSimulator simulator;
    private final StreamsUnderTest streams = new StreamsUnderTest("volume-reader");

    @AfterEach
    void stop() throws Exception {
        streams.close();
    }

    @Test
    void theTwentyFirehosePartitionsAreDisjointAndTogetherTheWholeFirehose() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .firehoseTweetsPerSecond(200));
        Map<Integer, Reader> byPartition = new HashMap<>();
        for (int partition = 1; partition <= 20; partition++) {
            byPartition.put(partition, read(client, FIREHOSE + "?partition=" + partition));
        }
        await().atMost(LONG_DEADLINE).until(() -> simulator.openConnectionCount() == 20);
        Instant from = Instant.now();
        await().atMost(LONG_DEADLINE).until(() -> simulator.madeFirehoseTweets().stream()
                .filter(tweet -> tweet.createdAt().isAfter(from)).count() >= 400);
        Instant until = Instant.now();
        List<PartitionedTweet> window = simulator.madeFirehoseTweets().stream()
                .filter(tweet -> tweet.createdAt().isAfter(from) && tweet.createdAt().isBefore(until)).toList();
        Set<Long> expected = window.stream().map(PartitionedTweet::id).collect(Collectors.toSet());

        await().atMost(LONG_DEADLINE).until(() -> byPartition.values().stream()
                .flatMap(reader -> reader.ids().stream()).collect(Collectors.toSet()).containsAll(expected));

        // What was received first: every Post of it is in what was made, looked at later.
        Map<Integer, List<Long>> received = new HashMap<>();
        byPartition.forEach((partition, reader) -> received.put(partition, List.copyOf(reader.ids())));
        Map<Long, Integer> madeIn = simulator.madeFirehoseTweets().stream()
                .collect(Collectors.toMap(PartitionedTweet::id, PartitionedTweet::partition));
        List<Long> everyReceived = new ArrayList<>();
        received.forEach((partition, ids) -> {
            everyReceived.addAll(ids);
            assertThat(ids).as("partition %s gets only its own Posts", partition)
                    .allSatisfy(id -> assertThat(madeIn.get(id)).isEqualTo(partition));
        });
        assertThat(everyReceived).as("no Post on two partitions, or twice on one").doesNotHaveDuplicates();
        assertThat(window.stream().map(PartitionedTweet::partition).collect(Collectors.toSet()))
                .as("every partition carries some of them").hasSize(20);
        assertThat(simulator.sentTweets()).allSatisfy(sent -> assertThat(sent.partition())
                .isEqualTo(connection(sent.connectionId()).partition()));
        assertThat(simulator.connections()).extracting(ConnectionInfo::endpoint).containsOnly(StreamEndpoint.V2_FIREHOSE);
    }

    @Test
    void aLanguageFirehoseCarriesEveryFirehosePostOfItsLanguageInDisjointPartitionsAndNoOther() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .firehoseTweetsPerSecond(300));
        Map<Integer, Reader> japanese = new HashMap<>();
        for (int partition = 1; partition <= 2; partition++) {
            japanese.put(partition, read(client, FIREHOSE + "/lang/ja?partition=" + partition + "&tweet.fields=lang"));
        }
        Reader english = read(client, FIREHOSE + "/lang/en?partition=8&tweet.fields=lang");
        await().atMost(LONG_DEADLINE).until(() -> simulator.openConnectionCount() == 3);
        Instant from = Instant.now();
        await().atMost(LONG_DEADLINE).until(() -> simulator.madeFirehoseTweets().stream()
                .filter(tweet -> tweet.createdAt().isAfter(from)).count() >= 1_000);
        Instant until = Instant.now();
        List<PartitionedTweet> madeJapanese = simulator.madeLanguageFirehoseTweets(StreamEndpoint.V2_FIREHOSE_JA).stream()
                .filter(tweet -> tweet.createdAt().isAfter(from) && tweet.createdAt().isBefore(until)).toList();
        long firehose = simulator.madeFirehoseTweets().stream()
                .filter(tweet -> tweet.createdAt().isAfter(from) && tweet.createdAt().isBefore(until)).count();
        Set<Long> expected = madeJapanese.stream().map(PartitionedTweet::id).collect(Collectors.toSet());

        await().atMost(LONG_DEADLINE).until(() -> union(japanese.get(1), japanese.get(2)).containsAll(expected));

        assertThat((double) madeJapanese.size() / firehose).as("Japanese share of %s firehose Posts", firehose)
                .isBetween(0.03, 0.3);
        Map<Long, Integer> madeIn = simulator.madeLanguageFirehoseTweets(StreamEndpoint.V2_FIREHOSE_JA).stream()
                .collect(Collectors.toMap(PartitionedTweet::id, PartitionedTweet::partition));
        japanese.forEach((partition, reader) -> {
            assertThat(List.copyOf(reader.ids())).as("ja partition %s gets only its own Posts", partition)
                    .allSatisfy(id -> assertThat(madeIn.get(id)).isEqualTo(partition));
            assertThat(List.copyOf(reader.messages())).extracting(message -> message.path("data").path("lang").asText())
                    .containsOnly("ja");
        });
        assertThat(union(japanese.get(1), japanese.get(2))).doesNotContainAnyElementsOf(english.ids());
        assertThat(List.copyOf(english.messages())).isNotEmpty()
                .extracting(message -> message.path("data").path("lang").asText()).containsOnly("en");
        assertThat(simulator.madeFirehoseTweets()).extracting(PartitionedTweet::id)
                .as("a language firehose's Posts are the firehose's").containsAll(madeIn.keySet());
        assertThat(simulator.connections()).extracting(ConnectionInfo::endpoint)
                .containsOnly(StreamEndpoint.V2_FIREHOSE_JA, StreamEndpoint.V2_FIREHOSE_EN);
    }

    @Test
    void sample10IsATenthOfTheFirehoseInTwoDisjointPartitionsWithoutMatchingRules() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .firehoseTweetsPerSecond(300));
        Reader first = read(client, SAMPLE10 + "?partition=1&tweet.fields=created_at");
        Reader second = read(client, SAMPLE10 + "?partition=2");
        await().atMost(LONG_DEADLINE).until(() -> simulator.openConnectionCount() == 2);
        Instant from = Instant.now();
        await().atMost(LONG_DEADLINE).until(() -> simulator.madeFirehoseTweets().stream()
                .filter(tweet -> tweet.createdAt().isAfter(from)).count() >= 1_500);
        Instant until = Instant.now();
        List<PartitionedTweet> sampled = simulator.madeSample10Tweets().stream()
                .filter(tweet -> tweet.createdAt().isAfter(from) && tweet.createdAt().isBefore(until)).toList();
        long firehose = simulator.madeFirehoseTweets().stream()
                .filter(tweet -> tweet.createdAt().isAfter(from) && tweet.createdAt().isBefore(until)).count();

        assertThat((double) sampled.size() / firehose).as("sample10's share of %s firehose Posts", firehose)
                .isBetween(0.06, 0.14);
        // Sample10's first: the firehose's, looked at later, has every one of them and more.
        List<Long> sample10Ids = simulator.madeSample10Tweets().stream().map(PartitionedTweet::id).toList();
        assertThat(simulator.madeFirehoseTweets()).extracting(PartitionedTweet::id)
                .as("sample10's Posts are the firehose's").containsAll(sample10Ids);
        Set<Long> expected = sampled.stream().map(PartitionedTweet::id).collect(Collectors.toSet());
        await().atMost(LONG_DEADLINE).until(() -> union(first, second).containsAll(expected));
        List<Long> onFirst = List.copyOf(first.ids());
        List<Long> onSecond = List.copyOf(second.ids());
        Map<Long, Integer> madeIn = simulator.madeSample10Tweets().stream()
                .collect(Collectors.toMap(PartitionedTweet::id, PartitionedTweet::partition));
        assertThat(onFirst).allSatisfy(id -> assertThat(madeIn.get(id)).isEqualTo(1));
        assertThat(onSecond).allSatisfy(id -> assertThat(madeIn.get(id)).isEqualTo(2));
        assertThat(sampled.stream().map(PartitionedTweet::partition).collect(Collectors.toSet())).hasSize(2);
        JsonNode message = first.messages().get(0);
        assertThat(message.has("matching_rules")).isFalse();
        assertThat(message.path("data").path("created_at").asText()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({FIREHOSE + ",,20", FIREHOSE + ",0,20", FIREHOSE + ",21,20", FIREHOSE + ",one,20",
            SAMPLE10 + ",3,2", SAMPLE10 + ",,2", FIREHOSE + "/lang/en,9,8", FIREHOSE + "/lang/pt,3,2",
            LIKES_FIREHOSE + ",,20", LIKES_FIREHOSE + ",21,20", LIKES_FIREHOSE + ",one,20", LIKES_SAMPLE10 + ",0,2",
            LIKES_SAMPLE10 + ",3,2"})
    void aMissingOrOutOfRangePartitionIsRefusedWithXsInvalidRequest(String path, String partition, int partitions)
            throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .firehoseTweetsPerSecond(100));

        HttpResponse<InputStream> refused = client.connect(path + (partition == null ? "" : "?partition=" + partition));

        assertThat(refused.statusCode()).isEqualTo(400);
        String message = partition == null ? "The `partition` query parameter can not be empty"
                : "The `partition` query parameter value [" + partition + "] is not between 1 and " + partitions;
        assertThat(V2Client.body(refused)).isEqualTo(Json.parse("{\"errors\":[{\"parameters\":{\"partition\":[\""
                + (partition == null ? "" : partition) + "\"]},\"message\":\"" + message + "\"}],\"title\":\"Invalid "
                + "Request\",\"detail\":\"One or more parameters to your request was invalid.\",\"type\":"
                + "\"https://api.twitter.com/2/problems/invalid-request\"}"));
        assertThat(simulator.connections()).isEmpty();
        assertThat(simulator.madeFirehoseTweets()).as("nothing made before a connection").isEmpty();
        assertThat(simulator.madeLikes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {FIREHOSE + "?partition=1", SAMPLE10 + "?partition=2", LIKES_FIREHOSE + "?partition=20",
            LIKES_SAMPLE10 + "?partition=1"})
    void payPerUseRefusesTheVolumeStreamsAsItRefusesTheSampleStream(String request) throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.PAY_PER_USE)
                .firehoseTweetsPerSecond(100));

        HttpResponse<InputStream> refused = client.connect(request);

        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode body = V2Client.body(refused);
        assertThat(body.path("title").asText()).isEqualTo("Client Forbidden");
        assertThat(body.path("required_enrollment").asText()).isEqualTo("Enterprise");
        assertThat(body.path("detail").asText()).contains((request.startsWith("2/likes") ? "the likes " : "the ")
                + (request.contains("firehose") ? "firehose" : "sample10") + " stream");
        assertThat(simulator.connections()).isEmpty();
    }

    @Test
    void eachPartitionHasItsOwnConnectionLimitAndEachConnectionGetsThePartitionsPostsBilledOnce() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .v2MaxConnections(2).firehoseTweetsPerSecond(200));
        Reader one = read(client, FIREHOSE + "?partition=7");
        Reader other = read(client, FIREHOSE + "?partition=7");

        HttpResponse<InputStream> third = client.connect(FIREHOSE + "?partition=7");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(V2Client.body(third).path("connection_issue").asText()).isEqualTo("TooManyConnections");
        Reader elsewhere = read(client, FIREHOSE + "?partition=8");

        await().atMost(LONG_DEADLINE).until(() -> one.ids().size() >= 20 && other.ids().size() >= 20
                && !elsewhere.ids().isEmpty());
        assertThat(other.ids()).as("redundant connections of a partition get the same Posts")
                .containsAll(List.copyOf(one.ids()).subList(5, 15));
        streams.closeStreams();
        await().atMost(LONG_DEADLINE).until(() -> simulator.openConnectionCount() == 0);

        List<SentTweet> sent = simulator.sentTweets();
        long distinct = sent.stream().map(SentTweet::id).distinct().count();
        assertThat(sent.size()).as("Posts sent on both connections of partition 7").isGreaterThan((int) distinct);
        // A Post is billed just before it is written: one billed as its client hung up was never recorded as sent.
        assertThat(simulator.postsBilledTotal()).as("each Post billed once a day").isBetween(distinct, distinct + 3);
        assertThat(simulator.connectionAttempts(StreamEndpoint.V2_FIREHOSE)).extracting(ConnectionAttempt::httpStatus)
                .containsExactly(200, 200, 429, 200);
    }

    @Test
    void backfillResendsOnlyThePartitionsPostsOfTheLastMinutes() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .firehoseTweetsPerSecond(200));
        read(client, FIREHOSE + "?partition=1"); // the world starts with the first connection
        await().atMost(LONG_DEADLINE).until(() -> madeIn(3).size() >= 15);

        Reader back = read(client, FIREHOSE + "?partition=3&backfill_minutes=1");
        List<Long> before = madeIn(3);
        await().atMost(LONG_DEADLINE).until(() -> back.ids().size() >= before.size() + 3);

        List<Long> received = List.copyOf(back.ids());
        assertThat(received.subList(0, before.size())).as("partition 3's Posts made before, oldest first")
                .isEqualTo(before);
        assertThat(received).as("then partition 3's live ones").isEqualTo(madeIn(3).subList(0, received.size()));
    }

    @Test
    void recoveryReStreamsThePartitionsPostsOfThePeriodThenEnds() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .firehoseTweetsPerSecond(200));
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        read(client, SAMPLE10 + "?partition=1");
        await().atMost(LONG_DEADLINE).until(() -> Instant.now().isAfter(start.plusSeconds(3)));
        Instant end = start.plusSeconds(2);
        List<Long> expected = simulator.madeFirehoseTweets().stream()
                .filter(tweet -> tweet.partition() == 5 && !tweet.createdAt().isBefore(start)
                        && tweet.createdAt().isBefore(end)).map(PartitionedTweet::id).toList();
        assertThat(expected).hasSizeGreaterThan(5);

        List<Long> received = new ArrayList<>();
        try (StreamClient recovery = client.open(FIREHOSE + "?partition=5&start_time=" + start + "&end_time=" + end)) {
            for (StreamClient.Line line = recovery.nextLine(); !line.end(); line = recovery.nextLine()) {
                if (!line.isKeepAlive()) {
                    received.add(Json.parse(line.text()).path("data").path("id").asLong());
                }
            }
        }

        assertThat(received).as("partition 5's Posts of the period, oldest first").isEqualTo(expected);
        assertThat(simulator.connections()).filteredOn(ConnectionInfo::recovery).singleElement()
                .satisfies(connection -> assertThat(connection.partition()).isEqualTo(5));
    }

    @Test
    void theFirehoseKeepsItsRateOverAllPartitions() throws Exception {
        double rate = 250;
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .firehoseTweetsPerSecond(rate));
        read(client, FIREHOSE + "?partition=20");
        await().atMost(LONG_DEADLINE).until(() -> !simulator.madeFirehoseTweets().isEmpty());
        Instant from = Instant.now().plusMillis(500);
        Instant until = from.plusSeconds(3);
        await().atMost(LONG_DEADLINE).until(() -> Instant.now().isAfter(until.plusMillis(200)));

        long made = simulator.madeFirehoseTweets().stream()
                .filter(tweet -> !tweet.createdAt().isBefore(from) && tweet.createdAt().isBefore(until)).count();

        assertThat((double) made).as("Posts made in 3 s at %s/s", rate).isBetween(rate * 3 * 0.8, rate * 3 * 1.2);
    }

    private List<Long> madeIn(int partition) {
        return simulator.madeFirehoseTweets().stream().filter(tweet -> tweet.partition() == partition)
                .map(PartitionedTweet::id).toList();
    }

    private ConnectionInfo connection(long id) {
        return simulator.connections().stream().filter(connection -> connection.id() == id).findFirst().orElseThrow();
    }

    private static Set<Long> union(Reader... readers) {
        Set<Long> ids = new HashSet<>();
        for (Reader reader : readers) {
            ids.addAll(reader.ids());
        }
        return ids;
    }

    /** Opens a stream and reads its Posts on a thread of its own, so that many streams are read at once. */
    private Reader read(V2Client client, String request) throws Exception {
        List<Long> ids = new CopyOnWriteArrayList<>();
        List<JsonNode> messages = new CopyOnWriteArrayList<>();
        StreamClient stream = streams.read(client, request, text -> {
            JsonNode message = Json.parse(text);
            messages.add(message);
            ids.add(message.path("data").path("id").asLong());
        });
        return new Reader(stream, ids, messages);
    }

    private V2Client start(SimulatorSettings.Builder settings) {
        simulator = streams.start(settings);
        return new V2Client(simulator);
    }

    /** The Posts one stream delivered, in order. */
    private record Reader(StreamClient stream, List<Long> ids, List<JsonNode> messages) {
    }
}
