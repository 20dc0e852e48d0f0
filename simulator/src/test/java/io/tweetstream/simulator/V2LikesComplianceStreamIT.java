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
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * X's Likes compliance stream over real HTTP, the one event stream without partitions: every unlike in the exact shape
 * of X's LikeComplianceSchema, to every connection, in order; events made whether or not anyone listens, kept for
 * backfill (recent events first, then the live ones, without a gap or a repeat) and Recovery (the window's events, then
 * the end); the refusals of the other event streams (tier, {@code backfill_minutes}, bearer token, connection limit,
 * here on the whole stream) and X's 400 for a {@code partition}, which it does not take; faults; nothing billed.
 */
class V2LikesComplianceStreamIT {

    static final String LIKES_COMPLIANCE = "2/likes/compliance/stream";
    private static final Duration LONG_DEADLINE = Duration.ofSeconds(30);
    private static final DateTimeFormatter EVENT_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String INVALID_REQUEST = "\"title\":\"Invalid Request\",\"detail\":\"One or more parameters "
            + "to your request was invalid.\",\"type\":\"https://api.twitter.com/2/problems/invalid-request\"";

    private StreamSimulator simulator;
    private final StreamsUnderTest streams = new StreamsUnderTest("likes-compliance-reader");

    @AfterEach
    void stop() throws Exception {
        streams.close();
    }

    @Test
    void everyConnectionGetsEachUnlikeMadeWhileItIsOpenInXsExactShapeInOrder() throws Exception {
        V2Client client = start(enterprise());
        Reader first = streams.read(client, LIKES_COMPLIANCE);
        Reader second = streams.read(client, LIKES_COMPLIANCE);
        await().atMost(LONG_DEADLINE).until(() -> simulator.openConnectionCount() == 2);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        LikeComplianceEvent unlike = simulator.unlike(1_866_000_000_000_000_123L, 2_244_994_945L);
        List<LikeComplianceEvent> made = new ArrayList<>(List.of(unlike));
        for (int i = 1; i < 30; i++) {
            made.add(simulator.unlike(1_866_000_000_000_000_123L + 7919L * i, 2_244_994_945L + i));
        }

        assertThat(unlike.tweetId()).isEqualTo(1_866_000_000_000_000_123L);
        assertThat(unlike.userId()).isEqualTo(2_244_994_945L);
        assertThat(unlike.type()).isEqualTo(LikeComplianceEvent.DELETE).isEqualTo("delete");
        assertThat(unlike.partition()).as("the stream has no partitions").isZero();
        assertThat(unlike.eventAt()).isBetween(before, Instant.now())
                .isEqualTo(unlike.eventAt().truncatedTo(ChronoUnit.MILLIS));
        assertThat(unlike.json()).isEqualTo("{\"data\":{\"delete\":{\"favorite\":{\"id\":\"1866000000000000123\","
                + "\"user_id\":\"2244994945\"},\"event_at\":\"" + EVENT_AT.format(unlike.eventAt()) + "\"}}}");
        assertThat(made).allSatisfy(event -> assertThat(event.json()).isEqualTo("{\"data\":{\"delete\":{\"favorite\":"
                + "{\"id\":\"" + event.tweetId() + "\",\"user_id\":\"" + event.userId() + "\"},\"event_at\":\""
                + EVENT_AT.format(event.eventAt()) + "\"}}}"));
        assertThat(made).extracting(LikeComplianceEvent::eventAt).isSorted();
        assertThat(simulator.madeLikeComplianceEvents()).containsExactlyElementsOf(made);

        // A line is only split off at a CRLF: each event arriving whole and alone proves its CRLF.
        List<String> lines = made.stream().map(LikeComplianceEvent::json).toList();
        await().atMost(LONG_DEADLINE).until(() -> first.lines().size() >= made.size()
                && second.lines().size() >= made.size());
        assertThat(first.lines()).as("no partitions: every connection gets every event, in order")
                .containsExactlyElementsOf(lines);
        assertThat(second.lines()).containsExactlyElementsOf(lines);
        await().atMost(LONG_DEADLINE).until(() -> simulator.sentLikeComplianceEvents().size() == 2 * made.size());
        assertThat(simulator.sentLikeComplianceEvents()).allSatisfy(sent -> {
            assertThat(connection(sent.connectionId()).endpoint()).isEqualTo(StreamEndpoint.V2_LIKES_COMPLIANCE);
            assertThat(sent.tweetId()).isEqualTo(sent.event().tweetId());
            assertThat(sent.userId()).isEqualTo(sent.event().userId());
        }).extracting(SentLikeComplianceEvent::json).containsExactlyInAnyOrderElementsOf(
                List.of(lines, lines).stream().flatMap(List::stream).toList());
        assertThat(simulator.connections()).hasSize(2).allSatisfy(connection -> {
            assertThat(connection.endpoint()).isEqualTo(StreamEndpoint.V2_LIKES_COMPLIANCE);
            assertThat(connection.partition()).as("a stream without partitions").isZero();
            assertThat(connection.recovery()).isFalse();
        });
        JsonNode stats = Json.parse(client.send("GET", simulator.statsUrl(), null).body());
        assertThat(stats.path("connections")).hasSize(2).allSatisfy(connection -> {
            assertThat(connection.path("endpoint").asText()).isEqualTo("v2-likes-compliance");
            assertThat(connection.has("partition")).as("no partition shown").isFalse();
        });
        assertThat(simulator.madeComplianceEvents()).as("no Post compliance event").isEmpty();
        assertThat(simulator.madeUserComplianceEvents()).as("no User compliance event").isEmpty();
        assertThat(simulator.madeLikes()).as("an unlike is no Like").isEmpty();
        assertThat(simulator.postsBilledTotal()).as("compliance events are not billed").isZero();
    }

    @Test
    void theHookRefusesIdsThatAreNoIds() {
        start(enterprise());

        assertThatThrownBy(() -> simulator.unlike(0, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tweetId");
        assertThatThrownBy(() -> simulator.unlike(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.unlike(5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userId");
        assertThat(simulator.madeLikeComplianceEvents()).isEmpty();
        assertThat(simulator.unlike(1, 1).json()).contains("\"favorite\":{\"id\":\"1\",\"user_id\":\"1\"}");
    }

    @Test
    void eventsAreMadeWithNobodyListeningAndBackfillSendsThemFirstThenTheLiveOnesWithoutGapOrRepeat()
            throws Exception {
        V2Client client = start(enterprise());
        AtomicLong next = new AtomicLong(1_700_000_000_000_000_000L);
        // Nobody reads the Likes compliance stream: the events are made all the same.
        for (int i = 0; i < 30; i++) {
            simulator.unlike(next.getAndIncrement(), 1_000 + i);
        }
        List<String> before = jsons();
        assertThat(before).hasSize(30);

        // Events go on being made, about one a millisecond, while the connections open: the seam must hold.
        AtomicBoolean making = new AtomicBoolean(true);
        Thread maker = new Thread(() -> {
            while (making.get()) {
                simulator.unlike(next.getAndIncrement(), 4_000);
                LockSupport.parkNanos(1_000_000);
            }
        }, "likes-compliance-maker");
        maker.setDaemon(true);
        maker.start();
        Reader back = streams.read(client, LIKES_COMPLIANCE + "?backfill_minutes=2");
        Reader live = streams.read(client, LIKES_COMPLIANCE);
        await().atMost(LONG_DEADLINE).until(() -> simulator.openConnectionCount() == 2);
        long madeWhenOpen = next.get();
        await().atMost(LONG_DEADLINE).until(() -> next.get() >= madeWhenOpen + 20);
        making.set(false);
        maker.join(LONG_DEADLINE.toMillis());
        assertThat(maker.isAlive()).isFalse();
        LikeComplianceEvent last = simulator.unlike(next.getAndIncrement(), 5_000);

        await().atMost(LONG_DEADLINE).until(() -> back.lines().contains(last.json())
                && live.lines().contains(last.json()));
        List<String> all = jsons();
        assertThat(back.lines()).as("the events of the last 2 minutes, oldest first, then the live ones")
                .startsWith(before.toArray(String[]::new)).containsExactlyElementsOf(all);
        assertThat(live.lines()).as("no backfill asked: only what came later, in order, a tail of the stream's")
                .doesNotContainAnyElementsOf(before)
                .isEqualTo(all.subList(all.size() - live.lines().size(), all.size()));
        await().atMost(LONG_DEADLINE).until(() -> simulator.sentLikeComplianceEvents().size()
                == back.lines().size() + live.lines().size());
    }

    @Test
    void recoveryReturnsTheEventsOfItsWindowThenEnds() throws Exception {
        V2Client client = start(enterprise());
        LikeComplianceEvent early = simulator.unlike(11, 21);
        Instant start = nextWholeSecondAfter(early.eventAt());
        List<LikeComplianceEvent> inside = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            inside.add(simulator.unlike(11 + i, 21 + i));
        }
        Instant end = nextWholeSecondAfter(Instant.now());
        LikeComplianceEvent late = simulator.unlike(99, 98);
        assertThat(early.eventAt()).isBefore(start);
        assertThat(inside).allSatisfy(event -> assertThat(event.eventAt()).isAfterOrEqualTo(start).isBefore(end));
        assertThat(late.eventAt()).isAfterOrEqualTo(end);

        List<String> recovered = new ArrayList<>();
        StreamClient.Line line;
        try (StreamClient recovery = client.open(LIKES_COMPLIANCE + "?start_time=" + start + "&end_time=" + end)) {
            for (line = recovery.nextLine(LONG_DEADLINE); !line.end(); line = recovery.nextLine(LONG_DEADLINE)) {
                if (!line.isKeepAlive()) {
                    recovered.add(line.text());
                }
            }
        }
        assertThat(line.failure()).as("a clean end of the body").isNull();
        assertThat(recovered).as("Recovery: the events of the window, oldest first, then the end")
                .containsExactlyElementsOf(inside.stream().map(LikeComplianceEvent::json).toList());
        assertThat(simulator.connections()).singleElement().satisfies(connection -> {
            assertThat(connection.recovery()).isTrue();
            assertThat(connection.endpoint()).isEqualTo(StreamEndpoint.V2_LIKES_COMPLIANCE);
            assertThat(connection.partition()).isZero();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0", ""})
    void aPartitionIsRefusedWithXsInvalidRequestAsAnyParameterTheStreamDoesNotTake(String partition)
            throws Exception {
        V2Client client = start(enterprise());

        HttpResponse<InputStream> refused = client.connect(LIKES_COMPLIANCE + "?partition=" + partition);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(V2Client.body(refused)).isEqualTo(Json.parse("{\"errors\":[{\"parameters\":{\"partition\":[\""
                + partition + "\"]},\"message\":\"The query parameter [partition] is not one of "
                + "[backfill_minutes,end_time,start_time]\"}]," + INVALID_REQUEST + "}"));
        HttpResponse<InputStream> fields = client.connect(LIKES_COMPLIANCE + "?backfill_minutes=1&tweet.fields=id");
        assertThat(fields.statusCode()).as("nor the Post streams' fields").isEqualTo(400);
        assertThat(V2Client.body(fields).path("errors").get(0).path("parameters").path("tweet.fields"))
                .isEqualTo(Json.parse("[\"id\"]"));
        assertThat(simulator.connections()).isEmpty();
        assertThat(simulator.connectionAttempts(StreamEndpoint.V2_LIKES_COMPLIANCE))
                .extracting(ConnectionAttempt::httpStatus).containsExactly(400, 400);
    }

    @Test
    void backfillOfMoreThanFiveMinutesIsRefusedWithXsInvalidRequest() throws Exception {
        V2Client client = start(enterprise());

        HttpResponse<InputStream> refused = client.connect(LIKES_COMPLIANCE + "?backfill_minutes=6");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(V2Client.body(refused)).isEqualTo(Json.parse("{\"errors\":[{\"parameters\":{\"backfill_minutes\":"
                + "[\"6\"]},\"message\":\"The `backfill_minutes` query parameter value [6] is not between 0 and 5\"}],"
                + INVALID_REQUEST + "}"));
        assertThat(simulator.connections()).isEmpty();
    }

    @Test
    void payPerUseIsRefusedTheStream() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.PAY_PER_USE));

        HttpResponse<InputStream> refused = client.connect(LIKES_COMPLIANCE);

        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode body = V2Client.body(refused);
        assertThat(body.path("title").asText()).isEqualTo("Client Forbidden");
        assertThat(body.path("reason").asText()).isEqualTo("client-not-enrolled");
        assertThat(body.path("required_enrollment").asText()).isEqualTo("Enterprise");
        assertThat(body.path("detail").asText()).contains("the likes compliance stream");
        assertThat(simulator.connections()).isEmpty();
        assertThat(simulator.connectionAttempts(StreamEndpoint.V2_LIKES_COMPLIANCE))
                .extracting(ConnectionAttempt::httpStatus).containsExactly(403);
    }

    @Test
    void aMissingOrWrongBearerTokenIsRefusedAndAnAcceptedOneGetsADatedStream() throws Exception {
        V2Client client = start(enterprise().acceptedBearerTokens(Set.of(V2Client.TOKEN)));

        for (V2Client stranger : List.of(new V2Client(simulator, null), new V2Client(simulator, "wrong"))) {
            HttpResponse<InputStream> refused = stranger.connect(LIKES_COMPLIANCE);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(V2Client.body(refused)).isEqualTo(Json.parse(
                    "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}"));
        }
        HttpResponse<InputStream> accepted = client.connect(LIKES_COMPLIANCE);
        assertThat(accepted.statusCode()).isEqualTo(200);
        List<String> dates = accepted.headers().allValues("date");
        assertThat(dates).as("one Date header").hasSize(1);
        assertThat(Duration.between(ZonedDateTime.parse(dates.get(0), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant(), simulator.billingNow()).abs()).isLessThan(Duration.ofSeconds(10));
        accepted.body().close();
        assertThat(simulator.connectionAttempts(StreamEndpoint.V2_LIKES_COMPLIANCE))
                .extracting(ConnectionAttempt::httpStatus).containsExactly(401, 401, 200);
    }

    @Test
    void theWholeStreamHasOneConnectionLimitKeepsAliveAndAnOperationalDisconnectEndsIt() throws Exception {
        V2Client client = start(enterprise().v2MaxConnections(1).v2KeepAliveInterval(Duration.ofMillis(200)));
        try (StreamClient stream = client.open(LIKES_COMPLIANCE)) {
            assertThat(stream.nextLine(LONG_DEADLINE).isKeepAlive()).as("a bare CRLF while nothing happens").isTrue();
            await().atMost(LONG_DEADLINE).until(() -> simulator.openConnectionCount() == 1);
            HttpResponse<InputStream> second = client.connect(LIKES_COMPLIANCE);
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(V2Client.body(second).path("connection_issue").asText()).isEqualTo("TooManyConnections");

            assertThat(simulator.operationalDisconnectV2Streams()).isEqualTo(1);

            String last = stream.lastLineBeforeCleanEnd(LONG_DEADLINE);
            assertThat(Json.parse(last).path("errors").get(0).path("title").asText()).isEqualTo("operational-disconnect");
        }
        assertThat(simulator.appliedFaults()).singleElement().satisfies(fault ->
                assertThat(fault.endpoint()).isEqualTo(StreamEndpoint.V2_LIKES_COMPLIANCE));
        await().atMost(LONG_DEADLINE).until(() -> simulator.openConnectionCount() == 0);
        streams.read(client, LIKES_COMPLIANCE);
        assertThat(simulator.connectionAttempts(StreamEndpoint.V2_LIKES_COMPLIANCE))
                .extracting(ConnectionAttempt::httpStatus).containsExactly(200, 429, 200);
    }

    @Test
    void theEventsKeptAreTheMostRecentOfTheHistoryLimit() {
        start(enterprise().historyLimit(5));
        List<LikeComplianceEvent> made = new ArrayList<>();
        for (long id = 1; id <= 8; id++) {
            made.add(simulator.unlike(id, id + 100));
        }

        assertThat(simulator.madeLikeComplianceEvents()).containsExactlyElementsOf(made.subList(3, 8));
    }

    /** The first whole second after {@code instant}, once the clock has passed it. */
    private static Instant nextWholeSecondAfter(Instant instant) {
        Instant second = instant.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().atMost(LONG_DEADLINE).until(() -> !Instant.now().isBefore(second));
        return second;
    }

    private List<String> jsons() {
        return simulator.madeLikeComplianceEvents().stream().map(LikeComplianceEvent::json).toList();
    }

    private ConnectionInfo connection(long id) {
        return simulator.connections().stream().filter(connection -> connection.id() == id).findFirst().orElseThrow();
    }

    private static SimulatorSettings.Builder enterprise() {
        return SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE);
    }

    private V2Client start(SimulatorSettings.Builder settings) {
        simulator = streams.start(settings);
        return new V2Client(simulator);
    }
}
