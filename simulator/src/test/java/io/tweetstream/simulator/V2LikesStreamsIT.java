package io.tweetstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.stream.VolumePartitions;
import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.StreamsUnderTest;
import io.tweetstream.simulator.testing.StreamsUnderTest.Reader;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
import java.util.stream.Collectors;

/**
 * X's Likes streams over real HTTP: a Like's exact line, on its partition and no other; the Likes firehose's 20
 * partitions, disjoint and together every Like made; sample10's 2, disjoint and a tenth of the Likes; Likes made whether
 * or not anyone listens, kept for backfill (recent Likes first, then the live ones, without a gap or a repeat) and
 * Recovery (the window's Likes, then the end); expansions; connections per partition, keep-alives and a drop. The
 * refusals they share with the other partitioned streams are those streams' tests', run on the Likes streams too: the
 * partition parameter and the tier in {@link V2VolumeStreamsIT}, the bearer token in {@link V2ComplianceStreamIT}.
 */
class V2LikesStreamsIT {

    static final String LIKES_FIREHOSE = "2/likes/firehose/stream";
    static final String LIKES_SAMPLE10 = "2/likes/sample10/stream";
    private static final String POST_FIREHOSE = "2/tweets/firehose/stream";
    private static final Duration LONG_DEADLINE = Duration.ofSeconds(30);

    private StreamSimulator simulator;
    private final StreamsUnderTest streams = new StreamsUnderTest("likes-reader");

    @AfterEach
    void stop() throws Exception {
        streams.close();
    }

    @Test
    void aLikeIsOneLineInXsShapeOnItsFirehosePartitionAndIfSampledOnItsSample10PartitionAlone() throws Exception {
        V2Client client = start(settings().likesPerSecond(0));
        Map<Integer, Reader> firehose = streams.readPartitions(client, LIKES_FIREHOSE, 20, "");
        Map<Integer, Reader> sample10 = streams.readPartitions(client, LIKES_SAMPLE10, 2, "");
        JsonNode post = firstPost(client);
        long postId = post.path("id").asLong();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        List<MadeLike> made = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            made.add(simulator.like(postId));
        }

        MadeLike first = made.get(0);
        assertThat(first.json()).isEqualTo("{\"data\":{\"id\":\"" + first.id() + "\",\"created_at\":\""
                + post.path("created_at").asText() + "\",\"liked_tweet_id\":\"" + postId
                + "\",\"liked_tweet_author_id\":\"" + post.path("author_id").asText() + "\",\"timestamp_ms\":"
                + first.likedAt().toEpochMilli() + "}}");
        assertThat(made).allSatisfy(like -> {
            assertThat(like.id()).matches("[0-9a-f]{32}");
            assertThat(like.likedTweetId()).isEqualTo(postId);
            assertThat(like.likedTweetAuthorId()).isEqualTo(post.path("author_id").asLong());
            assertThat(like.tweetCreatedAt()).as("the liked Post's creation time")
                    .isEqualTo(Instant.parse(post.path("created_at").asText()));
            assertThat(like.likedAt()).isBetween(before, Instant.now());
            assertThat(like.firehosePartition()).isEqualTo(VolumePartitions.ofLike(StreamEndpoint.V2_LIKES_FIREHOSE,
                    like.id())).isBetween(1, 20);
            assertThat(like.sample10Partition()).isEqualTo(VolumePartitions.ofLike(StreamEndpoint.V2_LIKES_SAMPLE10,
                    like.id())).isBetween(0, 2);
        });
        assertThat(made).extracting(MadeLike::id).doesNotHaveDuplicates();
        List<MadeLike> sampled = made.stream().filter(MadeLike::sampled).toList();
        assertThat(sampled).as("some of 40 Likes are in the sample").isNotEmpty();
        assertThat(simulator.madeLikes()).containsExactlyElementsOf(made);

        // A line is only split off at a CRLF: each Like arriving whole and alone proves its CRLF.
        await().atMost(LONG_DEADLINE).until(() -> lineCount(firehose) == made.size()
                && lineCount(sample10) == sampled.size());
        firehose.forEach((partition, reader) -> assertThat(reader.lines()).as("firehose partition %s", partition)
                .containsExactlyElementsOf(made.stream().filter(like -> like.firehosePartition() == partition)
                        .map(MadeLike::json).toList()));
        sample10.forEach((partition, reader) -> assertThat(reader.lines()).as("sample10 partition %s", partition)
                .containsExactlyElementsOf(sampled.stream().filter(like -> like.sample10Partition() == partition)
                        .map(MadeLike::json).toList()));
        await().atMost(LONG_DEADLINE).until(() -> simulator.sentLikes().size() == made.size() + sampled.size());
        assertThat(simulator.sentLikes()).allSatisfy(sent -> assertThat(sent.partition())
                .isEqualTo(connection(sent.connectionId()).partition())
                .isEqualTo(sent.like().partitionOn(connection(sent.connectionId()).endpoint())));
        assertThatThrownBy(() -> simulator.like(42L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTwentyFirehosePartitionsAreDisjointAndTogetherEveryLikeOfTheFirehosesPosts() throws Exception {
        V2Client client = start(settings().likesPerSecond(150));
        Map<Integer, Reader> byPartition = streams.readPartitions(client, LIKES_FIREHOSE, 20, "");
        Instant from = Instant.now();
        await().atMost(LONG_DEADLINE).until(() -> likedAfter(from).size() >= 300);
        Instant until = Instant.now();
        List<MadeLike> window = likedAfter(from).stream().filter(like -> like.likedAt().isBefore(until)).toList();
        Set<String> expected = window.stream().map(MadeLike::id).collect(Collectors.toSet());

        await().atMost(LONG_DEADLINE).until(() -> union(byPartition.values()).containsAll(expected));

        // What was received first: every Like of it is in what was made, looked at later.
        Map<Integer, List<String>> received = new HashMap<>();
        byPartition.forEach((partition, reader) -> received.put(partition, ids(reader)));
        Map<String, Integer> madeIn = simulator.madeLikes().stream()
                .collect(Collectors.toMap(MadeLike::id, MadeLike::firehosePartition));
        List<String> everyReceived = new ArrayList<>();
        received.forEach((partition, ids) -> {
            everyReceived.addAll(ids);
            assertThat(ids).as("partition %s gets only its own Likes", partition)
                    .allSatisfy(id -> assertThat(madeIn.get(id)).isEqualTo(partition));
        });
        assertThat(everyReceived).as("no Like on two partitions, or twice on one").doesNotHaveDuplicates();
        assertThat(window).extracting(MadeLike::firehosePartition).as("every partition carries some of them")
                .containsOnly(rangeClosed(20)).contains(rangeClosed(20));
        Map<Long, Instant> posts = simulator.madeFirehoseTweets().stream()
                .collect(Collectors.toMap(PartitionedTweet::id, PartitionedTweet::createdAt));
        assertThat(window).as("Likes of the firehose's Posts, made after them").allSatisfy(like -> {
            assertThat(posts).containsKey(like.likedTweetId());
            assertThat(like.tweetCreatedAt()).isEqualTo(posts.get(like.likedTweetId()).truncatedTo(ChronoUnit.SECONDS));
            assertThat(like.likedAt()).isAfterOrEqualTo(posts.get(like.likedTweetId()).truncatedTo(ChronoUnit.MILLIS));
        });
        assertThat(simulator.connections()).extracting(ConnectionInfo::endpoint)
                .containsOnly(StreamEndpoint.V2_LIKES_FIREHOSE);
    }

    @Test
    void sample10IsATenthOfTheLikesInTwoDisjointPartitions() throws Exception {
        V2Client client = start(settings().likesPerSecond(400));
        Map<Integer, Reader> byPartition = streams.readPartitions(client, LIKES_SAMPLE10, 2, "");
        Instant from = Instant.now();
        await().atMost(LONG_DEADLINE).until(() -> likedAfter(from).size() >= 1_500);
        Instant until = Instant.now();
        List<MadeLike> window = likedAfter(from).stream().filter(like -> like.likedAt().isBefore(until)).toList();
        List<MadeLike> sampled = window.stream().filter(MadeLike::sampled).toList();

        assertThat((double) sampled.size() / window.size()).as("sample10's share of %s Likes", window.size())
                .isBetween(0.06, 0.14);
        Set<String> expected = sampled.stream().map(MadeLike::id).collect(Collectors.toSet());
        await().atMost(LONG_DEADLINE).until(() -> union(byPartition.values()).containsAll(expected));
        Map<Integer, List<String>> received = new HashMap<>();
        byPartition.forEach((partition, reader) -> received.put(partition, ids(reader)));
        Map<String, MadeLike> made = simulator.madeLikes().stream()
                .collect(Collectors.toMap(MadeLike::id, like -> like));
        received.forEach((partition, ids) -> assertThat(ids)
                .as("sample10 partition %s: only its own Likes, each the firehose's too", partition)
                .allSatisfy(id -> {
                    assertThat(made.get(id).sample10Partition()).isEqualTo(partition);
                    assertThat(made.get(id).firehosePartition()).isBetween(1, 20);
                }));
        assertThat(received.get(1)).doesNotContainAnyElementsOf(received.get(2));
        assertThat(sampled).extracting(MadeLike::sample10Partition).containsOnly(1, 2).contains(1, 2);
        assertThat(window).allSatisfy(like -> assertThat(like.sample10Partition())
                .isEqualTo(VolumePartitions.ofLike(StreamEndpoint.V2_LIKES_SAMPLE10, like.id())));
    }

    @Test
    void backfillSendsThePartitionsRecentLikesFirstThenTheLiveOnesWithoutAGapOrARepeat() throws Exception {
        V2Client client = start(settings().likesPerSecond(200));
        streams.read(client, LIKES_SAMPLE10 + "?partition=1"); // starts the world; nobody reads firehose partition 3
        await().atMost(LONG_DEADLINE).until(() -> madeIn(3).size() >= 15);

        Reader back = streams.read(client, LIKES_FIREHOSE + "?partition=3&backfill_minutes=1");
        List<String> before = madeIn(3);
        await().atMost(LONG_DEADLINE).until(() -> back.lines().size() >= before.size() + 3);

        List<String> received = ids(back);
        assertThat(received.subList(0, before.size())).as("partition 3's Likes made before, oldest first")
                .isEqualTo(before);
        assertThat(received).as("then partition 3's live ones").isEqualTo(madeIn(3).subList(0, received.size()));
    }

    @Test
    void recoverySendsThePartitionsLikesOfTheWindowThenEnds() throws Exception {
        V2Client client = start(settings().likesPerSecond(200));
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        streams.read(client, LIKES_SAMPLE10 + "?partition=1");
        await().atMost(LONG_DEADLINE).until(() -> Instant.now().isAfter(start.plusSeconds(3)));
        Instant end = start.plusSeconds(2);
        List<String> expected = simulator.madeLikes().stream().filter(like -> like.firehosePartition() == 5
                && !like.likedAt().isBefore(start) && like.likedAt().isBefore(end)).map(MadeLike::id).toList();
        assertThat(expected).hasSizeGreaterThan(5);

        List<String> received = new ArrayList<>();
        try (StreamClient recovery = client.open(LIKES_FIREHOSE + "?partition=5&start_time=" + start + "&end_time="
                + end)) {
            for (StreamClient.Line line = recovery.nextLine(); !line.end(); line = recovery.nextLine()) {
                if (!line.isKeepAlive()) {
                    received.add(idOf(line.text()));
                }
            }
        }

        assertThat(received).as("partition 5's Likes of the window, oldest first").isEqualTo(expected);
        assertThat(simulator.connections()).filteredOn(ConnectionInfo::recovery).singleElement()
                .satisfies(connection -> {
                    assertThat(connection.endpoint()).isEqualTo(StreamEndpoint.V2_LIKES_FIREHOSE);
                    assertThat(connection.partition()).isEqualTo(5);
                });
    }

    @Test
    void expansionsIncludeTheLikedPostAndItsAuthorAndAnUnknownOneIsRefused() throws Exception {
        V2Client client = start(settings().likesPerSecond(0));
        Map<Integer, Reader> byPartition = streams.readPartitions(client, LIKES_FIREHOSE, 20,
                "&expansions=liked_tweet_id,liked_tweet_author_id&tweet.fields=author_id&user.fields=created_at");
        JsonNode post = firstPost(client);

        MadeLike like = simulator.like(post.path("id").asLong());

        Reader reader = byPartition.get(like.firehosePartition());
        await().atMost(LONG_DEADLINE).until(() -> !reader.lines().isEmpty());
        JsonNode message = Json.parse(reader.lines().get(0));
        assertThat(message.path("data")).isEqualTo(Json.parse(like.json()).path("data"));
        assertThat(message.path("includes").path("tweets")).singleElement().satisfies(tweet -> {
            assertThat(tweet.path("id").asText()).isEqualTo(post.path("id").asText());
            assertThat(tweet.path("author_id").asText()).isEqualTo(post.path("author_id").asText());
            assertThat(tweet.path("text").asText()).isNotEmpty();
        });
        assertThat(message.path("includes").path("users")).singleElement().satisfies(user -> {
            assertThat(user.path("id").asText()).isEqualTo(post.path("author_id").asText());
            assertThat(user.path("username").asText()).isNotEmpty();
            assertThat(user.path("created_at").asText()).isNotEmpty();
        });
        HttpResponse<InputStream> refused = client.connect(LIKES_FIREHOSE + "?partition=1&expansions=author_id");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(V2Client.body(refused).path("errors").get(0).path("parameters").path("expansions"))
                .isEqualTo(Json.parse("[\"author_id\"]"));
    }

    @Test
    void eachPartitionHasItsOwnConnectionLimitKeepsAliveAndCanBeDropped() throws Exception {
        V2Client client = start(settings().likesPerSecond(0).v2MaxConnections(1)
                .v2KeepAliveInterval(Duration.ofMillis(200)));
        try (StreamClient first = client.open(LIKES_FIREHOSE + "?partition=4")) {
            HttpResponse<InputStream> second = client.connect(LIKES_FIREHOSE + "?partition=4");
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(V2Client.body(second).path("connection_issue").asText()).isEqualTo("TooManyConnections");
            streams.read(client, LIKES_SAMPLE10 + "?partition=2");
            assertThat(first.nextLine().isKeepAlive()).as("a keep-alive when no Like comes").isTrue();

            assertThat(simulator.openStreams(StreamEndpoint.V2_LIKES_FIREHOSE).drop()).isEqualTo(1);

            StreamClient.Line end = first.awaitEnd(StreamClient.DEADLINE).orElseThrow();
            assertThat(end.failure()).as("an unexpected end of the body").isInstanceOf(IOException.class);
        }
        assertThat(simulator.appliedFaults()).singleElement().satisfies(fault -> {
            assertThat(fault.type()).isEqualTo(AppliedFault.Type.DROPPED);
            assertThat(fault.endpoint()).isEqualTo(StreamEndpoint.V2_LIKES_FIREHOSE);
        });
        await().atMost(LONG_DEADLINE).until(() -> simulator.openConnectionCount() == 1);
        streams.read(client, LIKES_FIREHOSE + "?partition=4");
        assertThat(simulator.connectionAttempts(StreamEndpoint.V2_LIKES_FIREHOSE))
                .extracting(ConnectionAttempt::httpStatus).containsExactly(200, 429, 200);
        assertThat(simulator.connectionAttempts(StreamEndpoint.V2_LIKES_SAMPLE10))
                .extracting(ConnectionAttempt::httpStatus).containsExactly(200);
    }

    /** Reads the Post firehose's partition 1 until a Post came; that Post, with its author and creation time. */
    private JsonNode firstPost(V2Client client) throws Exception {
        Reader posts = streams.read(client, POST_FIREHOSE + "?partition=1&tweet.fields=author_id,created_at");
        await().atMost(LONG_DEADLINE).until(() -> !posts.lines().isEmpty());
        return Json.parse(posts.lines().get(0)).path("data");
    }

    private List<MadeLike> likedAfter(Instant from) {
        return simulator.madeLikes().stream().filter(like -> like.likedAt().isAfter(from)).toList();
    }

    private List<String> madeIn(int firehosePartition) {
        return simulator.madeLikes().stream().filter(like -> like.firehosePartition() == firehosePartition)
                .map(MadeLike::id).toList();
    }

    private ConnectionInfo connection(long id) {
        return simulator.connections().stream().filter(connection -> connection.id() == id).findFirst().orElseThrow();
    }

    private static int lineCount(Map<Integer, Reader> readers) {
        return readers.values().stream().mapToInt(reader -> reader.lines().size()).sum();
    }

    private static List<String> ids(Reader reader) {
        return List.copyOf(reader.lines()).stream().map(V2LikesStreamsIT::idOf).toList();
    }

    private static String idOf(String line) {
        return Json.parse(line).path("data").path("id").asText();
    }

    private static Set<String> union(Iterable<Reader> readers) {
        Set<String> ids = new HashSet<>();
        readers.forEach(reader -> ids.addAll(ids(reader)));
        return ids;
    }

    private static Integer[] rangeClosed(int partitions) {
        return java.util.stream.IntStream.rangeClosed(1, partitions).boxed().toArray(Integer[]::new);
    }

    private static SimulatorSettings.Builder settings() {
        return SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE).firehoseTweetsPerSecond(50);
    }

    private V2Client start(SimulatorSettings.Builder settings) {
        simulator = streams.start(settings);
        return new V2Client(simulator);
    }
}
