package io.tweetstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.StreamsUnderTest;
import io.tweetstream.simulator.testing.StreamsUnderTest.Reader;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * X's Post compliance stream over real HTTP: 4 disjoint partitions that together carry every event; the exact shapes
 * of X's Compliance Data Objects; automatic events about Posts the simulator streamed; the tier, the partition
 * parameter, the bearer token and the connection limit (these on the User compliance stream too, which answers
 * alike; its events are {@link V2UserComplianceStreamIT}'s; the bearer token on the Likes streams too, served alike,
 * {@link V2LikesStreamsIT}); backfill and Recovery of a partition's events; nothing billed.
 */
class V2ComplianceStreamIT {

    private static final String COMPLIANCE = "2/tweets/compliance/stream";
    static final String USER_COMPLIANCE = "2/users/compliance/stream";
    private static final Duration LONG_DEADLINE = Duration.ofSeconds(30);

    private StreamSimulator simulator;
    private final StreamsUnderTest streams = new StreamsUnderTest("compliance-reader");

    @AfterEach
    void stop() throws Exception {
        streams.close();
    }

    @Test
    void theFourPartitionsAreDisjointAndTogetherEveryEvent() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .tweetsPerSecond(100).noAutomaticCompliance());
        Map<Integer, Reader> byPartition = streams.readPartitions(client, COMPLIANCE, 4, "");
        List<SentTweet> streamed = streamSomePosts(client, 60);

        for (SentTweet post : streamed) {
            simulator.deletePost(post.id());
        }
        List<ComplianceEvent> made = simulator.madeComplianceEvents();
        assertThat(made).hasSize(streamed.size());
        await().atMost(LONG_DEADLINE).until(() -> byPartition.values().stream()
                .mapToInt(reader -> reader.lines().size()).sum() == made.size());

        Map<String, Integer> partitionOf = made.stream()
                .collect(Collectors.toMap(ComplianceEvent::json, ComplianceEvent::partition));
        List<String> every = new ArrayList<>();
        byPartition.forEach((partition, reader) -> {
            every.addAll(reader.lines());
            assertThat(reader.lines()).as("partition %s gets only its own events", partition)
                    .allSatisfy(line -> assertThat(partitionOf.get(line)).isEqualTo(partition));
        });
        assertThat(every).as("every event once, on one partition").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(partitionOf.keySet());
        assertThat(made).extracting(ComplianceEvent::partition).as("every partition carries some")
                .containsOnly(1, 2, 3, 4).contains(1, 2, 3, 4);
        assertThat(simulator.sentComplianceEvents()).hasSize(made.size()).allSatisfy(sent -> assertThat(
                connection(sent.connectionId()).partition()).isEqualTo(sent.event().partition()));
        long posts = simulator.sentTweets().stream().map(SentTweet::id).distinct().count();
        // A Post is billed just before it is written: one billed as its client hung up was never recorded as sent.
        assertThat(simulator.postsBilledTotal()).as("compliance events are not billed: only the Posts streamed")
                .isBetween(posts, posts + 3);
    }

    @Test
    void aDeleteEditAndWithholdingReachTheirPartitionInXsExactShapes() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .tweetsPerSecond(50).noAutomaticCompliance());
        Map<Integer, Reader> byPartition = streams.readPartitions(client, COMPLIANCE, 4, "");
        List<SentTweet> streamed = streamSomePosts(client, 3);
        SentTweet first = streamed.get(0);
        SentTweet second = streamed.get(1);
        SentTweet third = streamed.get(2);

        ComplianceEvent delete = simulator.deletePost(first.id());
        ComplianceEvent edit = simulator.editPost(second.id());
        ComplianceEvent withheld = simulator.withholdPost(third.id(), List.of("DE", "FR"));

        assertThat(delete.json()).isEqualTo("{\"data\":{\"delete\":{\"tweet\":{\"id\":\"" + first.id()
                + "\",\"author_id\":\"" + first.userId() + "\"},\"event_at\":\"" + eventAt(delete) + "\"}}}");
        assertThat(eventAt(delete)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        List<Long> history = new ArrayList<>();
        Json.parse(second.json()).path("data").path("edit_history_tweet_ids").forEach(id -> history.add(id.asLong()));
        assertThat(edit.editTweetIds()).hasSize(history.size() + 1).startsWith(history.toArray(Long[]::new))
                .endsWith(edit.tweetId());
        assertThat(edit.tweetId()).as("the new version's id").isGreaterThan(second.id());
        assertThat(edit.postId()).isEqualTo(second.id());
        assertThat(edit.json()).isEqualTo("{\"data\":{\"tweet_edit\":{\"tweet\":{\"id\":\"" + edit.tweetId()
                + "\"},\"initial_tweet_id\":\"" + history.get(0) + "\",\"edit_tweet_ids\":["
                + edit.editTweetIds().stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","))
                + "],\"event_at\":\"" + eventAt(edit) + "\"}}}");
        assertThat(withheld.json()).isEqualTo("{\"data\":{\"withheld\":{\"tweet\":{\"id\":\"" + third.id()
                + "\",\"author_id\":\"" + third.userId() + "\"},\"withheld_in_countries\":[\"DE\",\"FR\"],"
                + "\"event_at\":\"" + eventAt(withheld) + "\"}}}");

        for (ComplianceEvent event : List.of(delete, edit, withheld)) {
            await().atMost(LONG_DEADLINE).until(() -> byPartition.get(event.partition()).lines().contains(event.json()));
        }
        byPartition.forEach((partition, reader) -> assertThat(reader.lines()).as("partition %s", partition)
                .containsExactlyElementsOf(List.of(delete, edit, withheld).stream()
                        .filter(event -> event.partition() == partition).map(ComplianceEvent::json).toList()));
        assertThatThrownBy(() -> simulator.deletePost(42L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void automaticEventsNamePostsThatWereStreamedAfterTheDelay() throws Exception {
        Duration delay = Duration.ofMillis(500);
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .tweetsPerSecond(100).complianceDeleteFraction(0.2).complianceEditFraction(0.05)
                .complianceWithholdFraction(0.05).complianceDelay(delay));
        Map<Integer, Reader> byPartition = streams.readPartitions(client, COMPLIANCE, 4, "");
        Reader posts = streams.read(client, V2Client.SAMPLE);

        await().atMost(LONG_DEADLINE).until(() -> simulator.madeComplianceEvents().stream()
                .map(ComplianceEvent::type).collect(Collectors.toSet())
                .containsAll(Set.of(ComplianceEvent.DELETE, ComplianceEvent.TWEET_EDIT, ComplianceEvent.WITHHELD)));
        // The share of Posts with an event, among those streamed long enough ago for theirs to be made
        // (the draw asks 30%): over at least 100 of them, so that chance cannot take it out of bounds.
        Map<Long, SentTweet> settledPosts = new HashMap<>();
        await().atMost(LONG_DEADLINE).until(() -> {
            Instant settled = Instant.now().minus(delay).minusSeconds(1);
            settledPosts.clear();
            simulator.sentTweets().stream().filter(tweet -> tweet.partition() == 0 && tweet.sentAt().isBefore(settled))
                    .forEach(tweet -> settledPosts.putIfAbsent(tweet.id(), tweet));
            return settledPosts.size() >= 100;
        });
        long withEvents = simulator.madeComplianceEvents().stream()
                .filter(event -> settledPosts.containsKey(event.postId())).count();
        double share = (double) withEvents / settledPosts.size();
        assertThat(share).as("%s events for %s Posts", withEvents, settledPosts.size()).isBetween(0.1, 0.6);
        posts.stream().close();

        List<ComplianceEvent> made = simulator.madeComplianceEvents();
        Map<Long, SentTweet> sent = new HashMap<>();
        simulator.sentTweets().stream().filter(tweet -> tweet.partition() == 0).forEach(tweet -> sent.putIfAbsent(tweet.id(), tweet));
        assertThat(made).allSatisfy(event -> {
            assertThat(event.automatic()).isTrue();
            SentTweet post = sent.get(event.postId());
            assertThat(post).as("the Post of %s was streamed", event.json()).isNotNull();
            assertThat(event.authorId()).isEqualTo(post.userId());
            assertThat(event.eventAt()).isAfterOrEqualTo(post.sentAt().plus(delay).truncatedTo(ChronoUnit.MILLIS));
        });
        assertThat(made).extracting(ComplianceEvent::postId).doesNotHaveDuplicates();
        assertThat(made).filteredOn(event -> event.type().equals(ComplianceEvent.WITHHELD))
                .allSatisfy(event -> assertThat(event.withheldInCountries()).isNotEmpty());
        await().atMost(LONG_DEADLINE).until(() -> byPartition.values().stream()
                .flatMap(reader -> reader.lines().stream()).collect(Collectors.toSet())
                .containsAll(made.stream().map(ComplianceEvent::json).toList()));
    }

    @ParameterizedTest
    @EnumSource(value = StreamEndpoint.class, names = {"V2_TWEET_COMPLIANCE", "V2_USER_COMPLIANCE"})
    void payPerUseRefusesTheComplianceStreams(StreamEndpoint endpoint) throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.PAY_PER_USE));

        HttpResponse<InputStream> refused = client.connect(pathOf(endpoint) + "?partition=1");

        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode body = V2Client.body(refused);
        assertThat(body.path("title").asText()).isEqualTo("Client Forbidden");
        assertThat(body.path("reason").asText()).isEqualTo("client-not-enrolled");
        assertThat(body.path("required_enrollment").asText()).isEqualTo("Enterprise");
        assertThat(body.path("detail").asText()).contains(endpoint == StreamEndpoint.V2_USER_COMPLIANCE
                ? "the User compliance stream" : "the Post compliance stream");
        assertThat(simulator.connections()).isEmpty();
        assertThat(simulator.connectionAttempts(endpoint)).extracting(ConnectionAttempt::httpStatus)
                .containsExactly(403);
    }

    @ParameterizedTest
    @EnumSource(value = StreamEndpoint.class, names = {"V2_TWEET_COMPLIANCE", "V2_USER_COMPLIANCE", "V2_LIKES_FIREHOSE",
            "V2_LIKES_SAMPLE10"})
    void aMissingOrWrongBearerTokenIsRefusedAndAnAcceptedOneGetsADatedStream(StreamEndpoint endpoint)
            throws Exception {
        // A Likes stream starts the firehose's world, whose Posts it likes: at a rate a test can afford.
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .acceptedBearerTokens(Set.of(V2Client.TOKEN)).firehoseTweetsPerSecond(50));

        for (V2Client stranger : List.of(new V2Client(simulator, null), new V2Client(simulator, "wrong"))) {
            HttpResponse<InputStream> refused = stranger.connect(pathOf(endpoint) + "?partition=1");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(V2Client.body(refused)).isEqualTo(Json.parse(
                    "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}"));
        }
        HttpResponse<InputStream> accepted = client.connect(pathOf(endpoint) + "?partition=1");
        assertThat(accepted.statusCode()).isEqualTo(200);
        List<String> dates = accepted.headers().allValues("date");
        assertThat(dates).as("one Date header").hasSize(1);
        assertThat(Duration.between(ZonedDateTime.parse(dates.get(0), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant(), simulator.billingNow()).abs()).isLessThan(Duration.ofSeconds(10));
        accepted.body().close();
        assertThat(simulator.connectionAttempts(endpoint)).extracting(ConnectionAttempt::httpStatus)
                .containsExactly(401, 401, 200);
        assertThat(simulator.connections()).singleElement().satisfies(connection -> {
            assertThat(connection.endpoint()).isEqualTo(endpoint);
            assertThat(connection.partition()).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @CsvSource({COMPLIANCE + ",''", COMPLIANCE + ",0", COMPLIANCE + ",5", COMPLIANCE + ",one", COMPLIANCE + ",-1",
            USER_COMPLIANCE + ",''", USER_COMPLIANCE + ",0", USER_COMPLIANCE + ",5", USER_COMPLIANCE + ",one"})
    void aMissingOrOutOfRangePartitionIsRefusedWithXsInvalidRequest(String path, String partition) throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE));

        HttpResponse<InputStream> refused = client.connect(path + (partition.isEmpty() ? ""
                : "?partition=" + partition));

        assertThat(refused.statusCode()).isEqualTo(400);
        String message = partition.isEmpty() ? "The `partition` query parameter can not be empty"
                : "The `partition` query parameter value [" + partition + "] is not between 1 and 4";
        assertThat(V2Client.body(refused)).isEqualTo(Json.parse("{\"errors\":[{\"parameters\":{\"partition\":[\""
                + partition + "\"]},\"message\":\"" + message + "\"}],\"title\":\"Invalid "
                + "Request\",\"detail\":\"One or more parameters to your request was invalid.\",\"type\":"
                + "\"https://api.twitter.com/2/problems/invalid-request\"}"));
        assertThat(simulator.connections()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = StreamEndpoint.class, names = {"V2_TWEET_COMPLIANCE", "V2_USER_COMPLIANCE"})
    void eachPartitionHasItsOwnConnectionLimit(StreamEndpoint endpoint) throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .v2MaxConnections(1));
        streams.read(client, pathOf(endpoint) + "?partition=2");

        HttpResponse<InputStream> second = client.connect(pathOf(endpoint) + "?partition=2");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(V2Client.body(second).path("connection_issue").asText()).isEqualTo("TooManyConnections");
        streams.read(client, pathOf(endpoint) + "?partition=3");

        StreamEndpoint other = endpoint == StreamEndpoint.V2_USER_COMPLIANCE ? StreamEndpoint.V2_TWEET_COMPLIANCE
                : StreamEndpoint.V2_USER_COMPLIANCE;
        streams.read(client, pathOf(other) + "?partition=2");

        assertThat(simulator.connectionAttempts(endpoint))
                .extracting(ConnectionAttempt::httpStatus).containsExactly(200, 429, 200);
        assertThat(simulator.connectionAttempts(other)).as("the other compliance stream's partition 2 has its own limit")
                .extracting(ConnectionAttempt::httpStatus).containsExactly(200);
    }

    @Test
    void backfillAndRecoveryResendThePartitionsEvents() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .tweetsPerSecond(100).noAutomaticCompliance());
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<SentTweet> streamed = streamSomePosts(client, 40);
        // Nobody reads the compliance stream: the events are made all the same.
        streamed.forEach(post -> simulator.deletePost(post.id()));
        Map<Integer, List<String>> expected = new HashMap<>();
        simulator.madeComplianceEvents().forEach(event -> expected
                .computeIfAbsent(event.partition(), ignored -> new ArrayList<>()).add(event.json()));
        int partition = expected.entrySet().stream().max(Map.Entry.comparingByValue(
                java.util.Comparator.comparingInt(List::size))).orElseThrow().getKey();

        Reader back = streams.read(client, COMPLIANCE + "?partition=" + partition + "&backfill_minutes=1");
        Reader live = streams.read(client, COMPLIANCE + "?partition=" + (partition % 4 + 1));
        await().atMost(LONG_DEADLINE).until(() -> back.lines().size() >= expected.get(partition).size());
        assertThat(back.lines()).as("partition %s's events, oldest first", partition)
                .containsExactlyElementsOf(expected.get(partition));

        ComplianceEvent later = simulator.deletePost(streamed.get(0).id());
        Reader target = later.partition() == partition ? back : later.partition() == partition % 4 + 1 ? live : null;
        if (target != null) {
            await().atMost(LONG_DEADLINE).until(() -> target.lines().contains(later.json()));
        }
        assertThat(live.lines()).as("no backfill asked: only what came later").allSatisfy(line ->
                assertThat(line).isEqualTo(later.json()));

        await().atMost(LONG_DEADLINE).until(() -> Instant.now().isAfter(later.eventAt().plusSeconds(1)));
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> recovered = new ArrayList<>();
        try (StreamClient recovery = client.open(COMPLIANCE + "?partition=" + partition + "&start_time=" + start
                + "&end_time=" + end)) {
            for (StreamClient.Line line = recovery.nextLine(); !line.end(); line = recovery.nextLine()) {
                if (!line.isKeepAlive()) {
                    recovered.add(line.text());
                }
            }
        }
        List<String> period = simulator.madeComplianceEvents().stream().filter(event -> event.partition() == partition
                && event.eventAt().isBefore(end)
                && !event.eventAt().isBefore(start)).map(ComplianceEvent::json).toList();
        assertThat(recovered).as("Recovery: the partition's events of the period, then the end")
                .containsExactlyElementsOf(period).containsAll(expected.get(partition));
        assertThat(simulator.connections()).filteredOn(ConnectionInfo::recovery).singleElement()
                .satisfies(connection -> assertThat(connection.partition()).isEqualTo(partition));
    }

    private static String pathOf(StreamEndpoint endpoint) {
        return switch (endpoint) {
            case V2_USER_COMPLIANCE -> USER_COMPLIANCE;
            case V2_LIKES_FIREHOSE -> V2LikesStreamsIT.LIKES_FIREHOSE;
            case V2_LIKES_SAMPLE10 -> V2LikesStreamsIT.LIKES_SAMPLE10;
            default -> COMPLIANCE;
        };
    }

    private static String eventAt(ComplianceEvent event) {
        return Json.parse(event.json()).path("data").path(event.type()).path("event_at").asText();
    }

    /** Reads the sample stream until {@code count} Posts came, then closes it; the Posts as sent. */
    private List<SentTweet> streamSomePosts(V2Client client, int count) throws Exception {
        try (StreamClient sample = client.open(V2Client.SAMPLE)) {
            sample.nextMessages(count);
        }
        await().atMost(LONG_DEADLINE).until(() -> simulator.sentTweets().size() >= count);
        return simulator.sentTweets().subList(0, count);
    }

    private ConnectionInfo connection(long id) {
        return simulator.connections().stream().filter(connection -> connection.id() == id).findFirst().orElseThrow();
    }

    private V2Client start(SimulatorSettings.Builder settings) {
        simulator = streams.start(settings);
        return new V2Client(simulator);
    }

}
