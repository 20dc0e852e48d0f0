package io.tweetstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tweetstream.simulator.stream.VolumePartitions;
import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.StreamsUnderTest;
import io.tweetstream.simulator.testing.StreamsUnderTest.Reader;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * X's User compliance stream over real HTTP: every event type in the exact shape of X's Compliance Data Objects, on the
 * partition of its user and no other; 4 disjoint partitions that together carry every event; events made whether or
 * not anyone listens, kept for backfill (recent events first, then the live ones, without a gap or a repeat) and
 * Recovery (the window's events, then the end); keep-alives and faults as on the other v2 streams; nothing billed. The
 * refusals it shares with the Post compliance stream (tier, partition, bearer token, connection limit) are
 * {@link V2ComplianceStreamIT}'s, run on both.
 */
class V2UserComplianceStreamIT {

    private static final String USERS = V2ComplianceStreamIT.USER_COMPLIANCE;
    private static final Duration LONG_DEADLINE = Duration.ofSeconds(30);
    private static final String EVENT_AT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    private StreamSimulator simulator;
    private final StreamsUnderTest streams = new StreamsUnderTest("user-compliance-reader");

    @AfterEach
    void stop() throws Exception {
        streams.close();
    }

    @Test
    void everyEventTypeReachesItsUsersPartitionAloneInXsExactShape() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE));
        Map<Integer, Reader> byPartition = streams.readPartitions(client, USERS, 4, "");

        List<UserComplianceEvent> made = List.of(
                simulator.deleteUser(1001L),
                simulator.undeleteUser(1002L),
                simulator.protectUser(1003L),
                simulator.unprotectUser(1004L),
                simulator.suspendUser(1005L),
                simulator.unsuspendUser(1006L),
                simulator.withholdUser(1007L, List.of("DE", "FR")),
                simulator.modifyUserProfile(1008L, "profile.description", "Kafka \"streams\" & more"),
                simulator.scrubUserGeo(1009L, 1_537_091_223_938_162_688L));

        List<String> plainTypes = List.of(UserComplianceEvent.USER_DELETE, UserComplianceEvent.USER_UNDELETE,
                UserComplianceEvent.USER_PROTECT, UserComplianceEvent.USER_UNPROTECT, UserComplianceEvent.USER_SUSPEND,
                UserComplianceEvent.USER_UNSUSPEND);
        for (int i = 0; i < plainTypes.size(); i++) {
            UserComplianceEvent event = made.get(i);
            assertThat(event.type()).isEqualTo(plainTypes.get(i));
            assertThat(event.userId()).isEqualTo(1001L + i);
            assertThat(event.json()).isEqualTo("{\"data\":{\"" + plainTypes.get(i) + "\":{\"user\":{\"id\":\""
                    + (1001 + i) + "\"},\"event_at\":\"" + eventAt(event) + "\"}}}");
        }
        UserComplianceEvent withheld = made.get(6);
        assertThat(withheld.type()).isEqualTo(UserComplianceEvent.USER_WITHHELD);
        assertThat(withheld.withheldInCountries()).containsExactly("DE", "FR");
        assertThat(withheld.json()).isEqualTo("{\"data\":{\"user_withheld\":{\"user\":{\"id\":\"1007\"},"
                + "\"withheld_in_countries\":[\"DE\",\"FR\"],\"event_at\":\"" + eventAt(withheld) + "\"}}}");
        UserComplianceEvent profile = made.get(7);
        assertThat(profile.type()).isEqualTo(UserComplianceEvent.USER_PROFILE_MODIFICATION);
        assertThat(profile.profileField()).isEqualTo("profile.description");
        assertThat(profile.newValue()).isEqualTo("Kafka \"streams\" & more");
        assertThat(profile.json()).isEqualTo("{\"data\":{\"user_profile_modification\":{\"user\":{\"id\":\"1008\"},"
                + "\"event_at\":\"" + eventAt(profile) + "\",\"profile_field\":\"profile.description\","
                + "\"new_value\":\"Kafka \\\"streams\\\" & more\"}}}");
        UserComplianceEvent scrub = made.get(8);
        assertThat(scrub.type()).isEqualTo(UserComplianceEvent.SCRUB_GEO);
        assertThat(scrub.upToTweetId()).isEqualTo(1_537_091_223_938_162_688L);
        assertThat(scrub.json()).isEqualTo("{\"data\":{\"scrub_geo\":{\"user\":{\"id\":\"1009\"},"
                + "\"up_to_tweet_id\":\"1537091223938162688\",\"event_at\":\"" + eventAt(scrub) + "\"}}}");
        assertThat(made).allSatisfy(event -> {
            assertThat(eventAt(event)).matches(EVENT_AT);
            assertThat(Instant.parse(eventAt(event))).isEqualTo(event.eventAt());
            assertThat(event.partition()).as("the partition of user %s", event.userId())
                    .isEqualTo(VolumePartitions.of(StreamEndpoint.V2_USER_COMPLIANCE, event.userId()));
            if (!event.type().equals(UserComplianceEvent.USER_WITHHELD)) {
                assertThat(event.withheldInCountries()).isEmpty();
            }
            if (!event.type().equals(UserComplianceEvent.USER_PROFILE_MODIFICATION)) {
                assertThat(event.profileField()).isNull();
                assertThat(event.newValue()).isNull();
            }
            if (!event.type().equals(UserComplianceEvent.SCRUB_GEO)) {
                assertThat(event.upToTweetId()).isZero();
            }
        });
        assertThat(simulator.madeUserComplianceEvents()).containsExactlyElementsOf(made);
        assertThat(simulator.madeComplianceEvents()).as("no Post compliance event").isEmpty();

        // A line is only split off at a CRLF: each event arriving whole and alone proves its CRLF.
        await().atMost(LONG_DEADLINE).until(() -> byPartition.values().stream()
                .mapToInt(reader -> reader.lines().size()).sum() == made.size());
        byPartition.forEach((partition, reader) -> assertThat(reader.lines()).as("partition %s", partition)
                .containsExactlyElementsOf(made.stream().filter(event -> event.partition() == partition)
                        .map(UserComplianceEvent::json).toList()));
        await().atMost(LONG_DEADLINE).until(() -> simulator.sentUserComplianceEvents().size() == made.size());
        assertThat(simulator.sentUserComplianceEvents()).allSatisfy(sent -> {
            assertThat(connection(sent.connectionId()).endpoint()).isEqualTo(StreamEndpoint.V2_USER_COMPLIANCE);
            assertThat(connection(sent.connectionId()).partition()).isEqualTo(sent.event().partition())
                    .isEqualTo(sent.partition());
        }).extracting(SentUserComplianceEvent::json).containsExactlyInAnyOrderElementsOf(
                made.stream().map(UserComplianceEvent::json).toList());
        assertThat(simulator.sentComplianceEvents()).isEmpty();
        assertThat(simulator.postsBilledTotal()).as("compliance events are not billed").isZero();
    }

    @Test
    void theHooksRefuseWhatXWouldNeverSend() {
        start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE));

        assertThatThrownBy(() -> simulator.deleteUser(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.withholdUser(5, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.modifyUserProfile(5, "profile.bio", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profile.profileImage.url");
        assertThatThrownBy(() -> simulator.modifyUserProfile(5, "profile.name", null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> simulator.scrubUserGeo(5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(simulator.madeUserComplianceEvents()).isEmpty();
        for (String field : UserComplianceEvent.PROFILE_FIELDS) {
            assertThat(simulator.modifyUserProfile(5, field, "").json()).contains("\"profile_field\":\"" + field
                    + "\",\"new_value\":\"\"");
        }
    }

    @Test
    void theFourPartitionsAreDisjointAndTogetherEveryEvent() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE));
        Map<Integer, Reader> byPartition = streams.readPartitions(client, USERS, 4, "");
        List<LongFunction<UserComplianceEvent>> hooks = List.of(simulator::deleteUser, simulator::protectUser,
                simulator::suspendUser, id -> simulator.withholdUser(id, List.of("TR")),
                id -> simulator.modifyUserProfile(id, "profile.name", "name " + id), id -> simulator.scrubUserGeo(id, id));

        for (int i = 0; i < 120; i++) {
            long userId = 2_244_994_945L + 7919L * i;
            hooks.get(i % hooks.size()).apply(userId);
        }
        List<UserComplianceEvent> made = simulator.madeUserComplianceEvents();
        assertThat(made).hasSize(120);
        await().atMost(LONG_DEADLINE).until(() -> byPartition.values().stream()
                .mapToInt(reader -> reader.lines().size()).sum() == made.size());

        Map<String, Integer> partitionOf = made.stream()
                .collect(Collectors.toMap(UserComplianceEvent::json, UserComplianceEvent::partition));
        List<String> every = new ArrayList<>();
        byPartition.forEach((partition, reader) -> {
            every.addAll(reader.lines());
            assertThat(reader.lines()).as("partition %s gets only its own events, in order", partition)
                    .containsExactlyElementsOf(made.stream().filter(event -> event.partition() == partition)
                            .map(UserComplianceEvent::json).toList());
        });
        assertThat(every).as("every event once, on one partition").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(partitionOf.keySet());
        assertThat(made).extracting(UserComplianceEvent::partition).as("every partition carries some")
                .containsOnly(1, 2, 3, 4).contains(1, 2, 3, 4);
        assertThat(made).allSatisfy(event -> assertThat(event.partition())
                .isEqualTo(VolumePartitions.of(StreamEndpoint.V2_USER_COMPLIANCE, event.userId())));
        assertThat(made).as("a user's partition is not its Posts' partition of the Post compliance stream")
                .anySatisfy(event -> assertThat(event.partition())
                        .isNotEqualTo(VolumePartitions.of(StreamEndpoint.V2_TWEET_COMPLIANCE, event.userId())));
    }

    @Test
    void eventsAreMadeWithNobodyListeningAndBackfillSendsThemFirstThenTheLiveOnesWithoutGapOrRepeat()
            throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE));
        int partition = 3;
        List<Long> users = usersOn(partition, 2_000);
        List<Long> others = usersOn(partition % 4 + 1, 30);
        AtomicInteger next = new AtomicInteger();
        // Nobody reads the User compliance stream: the events are made all the same.
        for (int i = 0; i < 30; i++) {
            simulator.suspendUser(users.get(next.getAndIncrement()));
            simulator.suspendUser(others.get(i));
        }
        List<String> before = jsonsOn(partition);
        assertThat(before).hasSize(30);

        // Events go on being made, about one a millisecond, while the connections open: the seam must hold.
        AtomicBoolean making = new AtomicBoolean(true);
        Thread maker = new Thread(() -> {
            while (making.get() && next.get() < users.size() - 1) {
                simulator.unsuspendUser(users.get(next.getAndIncrement()));
                LockSupport.parkNanos(1_000_000);
            }
        }, "user-compliance-maker");
        maker.setDaemon(true);
        maker.start();
        Reader back = streams.read(client, USERS + "?partition=" + partition + "&backfill_minutes=2");
        Reader live = streams.read(client, USERS + "?partition=" + partition);
        await().atMost(LONG_DEADLINE).until(() -> simulator.openConnectionCount() == 2);
        int madeWhenOpen = next.get();
        await().atMost(LONG_DEADLINE).until(() -> next.get() >= Math.min(madeWhenOpen + 20, users.size() - 1));
        making.set(false);
        maker.join(LONG_DEADLINE.toMillis());
        assertThat(maker.isAlive()).isFalse();
        UserComplianceEvent last = simulator.deleteUser(users.get(next.getAndIncrement()));

        await().atMost(LONG_DEADLINE).until(() -> back.lines().contains(last.json())
                && live.lines().contains(last.json()));
        List<String> all = jsonsOn(partition);
        assertThat(back.lines()).as("the partition's events of the last 2 minutes, oldest first, then the live ones")
                .startsWith(before.toArray(String[]::new)).containsExactlyElementsOf(all);
        assertThat(live.lines()).as("no backfill asked: only what came later, in order, a tail of the partition's")
                .doesNotContainAnyElementsOf(before)
                .isEqualTo(all.subList(all.size() - live.lines().size(), all.size()));
        await().atMost(LONG_DEADLINE).until(() -> simulator.sentUserComplianceEvents().size()
                == back.lines().size() + live.lines().size());
    }

    @Test
    void recoveryReturnsTheEventsOfItsWindowThenEnds() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE));
        int partition = 2;
        List<Long> users = usersOn(partition, 9);
        long elsewhere = usersOn(1, 1).get(0);
        UserComplianceEvent early = simulator.protectUser(users.get(0));
        simulator.protectUser(elsewhere);
        Instant start = nextWholeSecondAfter(early.eventAt());
        List<UserComplianceEvent> inside = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            inside.add(simulator.withholdUser(users.get(i), List.of("IN")));
        }
        simulator.unprotectUser(elsewhere);
        Instant end = nextWholeSecondAfter(Instant.now());
        UserComplianceEvent late = simulator.unprotectUser(users.get(7));
        assertThat(early.eventAt()).isBefore(start);
        assertThat(inside).allSatisfy(event -> assertThat(event.eventAt()).isAfterOrEqualTo(start).isBefore(end));
        assertThat(late.eventAt()).isAfterOrEqualTo(end);

        List<String> recovered = new ArrayList<>();
        StreamClient.Line line;
        try (StreamClient recovery = client.open(USERS + "?partition=" + partition + "&start_time=" + start
                + "&end_time=" + end)) {
            for (line = recovery.nextLine(LONG_DEADLINE); !line.end(); line = recovery.nextLine(LONG_DEADLINE)) {
                if (!line.isKeepAlive()) {
                    recovered.add(line.text());
                }
            }
        }
        assertThat(line.failure()).as("a clean end of the body").isNull();
        assertThat(recovered).as("Recovery: the partition's events of the window, oldest first, then the end")
                .containsExactlyElementsOf(inside.stream().map(UserComplianceEvent::json).toList());
        assertThat(simulator.connections()).filteredOn(ConnectionInfo::recovery).singleElement().satisfies(connection -> {
            assertThat(connection.endpoint()).isEqualTo(StreamEndpoint.V2_USER_COMPLIANCE);
            assertThat(connection.partition()).isEqualTo(partition);
        });
    }

    @Test
    void aQuietPartitionKeepsAliveAndAnOperationalDisconnectEndsIt() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .v2KeepAliveInterval(Duration.ofMillis(200)));
        try (StreamClient stream = client.open(USERS + "?partition=4")) {
            assertThat(stream.nextLine(LONG_DEADLINE).isKeepAlive()).as("a bare CRLF while nothing happens").isTrue();
            await().atMost(LONG_DEADLINE).until(() -> simulator.openConnectionCount() == 1);

            assertThat(simulator.operationalDisconnectV2Streams()).isEqualTo(1);

            String last = stream.lastLineBeforeCleanEnd(LONG_DEADLINE);
            assertThat(Json.parse(last).path("errors").get(0).path("title").asText()).isEqualTo("operational-disconnect");
        }
        assertThat(simulator.appliedFaults()).singleElement().satisfies(fault ->
                assertThat(connection(fault.connectionId()).endpoint()).isEqualTo(StreamEndpoint.V2_USER_COMPLIANCE));
    }

    @Test
    void theEventsKeptAreTheMostRecentOfTheHistoryLimit() {
        start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE).historyLimit(5));
        List<UserComplianceEvent> made = new ArrayList<>();
        for (long user = 1; user <= 8; user++) {
            made.add(simulator.deleteUser(user));
        }

        assertThat(simulator.madeUserComplianceEvents()).containsExactlyElementsOf(made.subList(3, 8));
    }

    /** The first {@code count} user ids (from an arbitrary start) whose events {@code partition} carries. */
    private static List<Long> usersOn(int partition, int count) {
        List<Long> users = new ArrayList<>();
        for (long id = 1_400_000_000L + partition * 1_000_000L; users.size() < count; id++) {
            if (VolumePartitions.of(StreamEndpoint.V2_USER_COMPLIANCE, id) == partition) {
                users.add(id);
            }
        }
        return users;
    }

    /** The first whole second after {@code instant}, once the clock has passed it. */
    private static Instant nextWholeSecondAfter(Instant instant) {
        Instant second = instant.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        await().atMost(LONG_DEADLINE).until(() -> !Instant.now().isBefore(second));
        return second;
    }

    private List<String> jsonsOn(int partition) {
        return simulator.madeUserComplianceEvents().stream().filter(event -> event.partition() == partition)
                .map(UserComplianceEvent::json).toList();
    }

    private static String eventAt(UserComplianceEvent event) {
        return Json.parse(event.json()).path("data").path(event.type()).path("event_at").asText();
    }

    private ConnectionInfo connection(long id) {
        return simulator.connections().stream().filter(connection -> connection.id() == id).findFirst().orElseThrow();
    }

    private V2Client start(SimulatorSettings.Builder settings) {
        simulator = streams.start(settings);
        return new V2Client(simulator);
    }

}
