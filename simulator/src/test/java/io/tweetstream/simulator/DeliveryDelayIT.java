package io.tweetstream.simulator;

import io.tweetstream.simulator.testing.Api;
import io.tweetstream.simulator.testing.Arrival;
import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.V2Client;
import io.tweetstream.simulator.v2.V2Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.tweetstream.simulator.testing.Arrival.ids;
import static io.tweetstream.simulator.testing.Arrival.readUntilOneMadeFrom;
import static io.tweetstream.simulator.testing.V2Client.FILTERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery delays over real HTTP: with X's shape, tweets arrive out of order, each after its creation, with delays of
 * X's median and P99, none lost or twice; without a delay they arrive in order.
 */
class DeliveryDelayIT {

    /** The tweets made in this first stretch of a stream are measured: all have arrived once the cap has passed. */
    private static final Duration MEASURED = Duration.ofSeconds(2);
    private static final Duration CAP = DeliveryDelay.xLike().cap();
    private static final Duration DEADLINE = Duration.ofSeconds(40);
    /** System.currentTimeMillis and the id's milliseconds, and a little more on a loaded machine. */
    private static final Duration CLOCK_GRANULARITY = Duration.ofMillis(2);
    /** Short delays, for tests about connections rather than X's shape. */
    private static final DeliveryDelay SHORT = DeliveryDelay.logNormal(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofSeconds(2));

    private StreamSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void v2TweetsArriveOutOfOrderWithXsDelaysNoneEarlyLostOrTwice() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(200).deliveryDelay(DeliveryDelay.xLike()));
        client.addRule("kafka", null);
        Instant opened = Instant.now();
        List<Arrival> arrivals;
        try (StreamClient stream = client.open(FILTERED + "?tweet.fields=created_at")) {
            arrivals = readUntilOneMadeFrom(stream, Api.V2, opened.plus(MEASURED).plus(CAP), DEADLINE);
        }

        assertOutOfOrderButNeverEarly(arrivals);
        assertXsShape(madeIn(arrivals, opened, opened.plus(MEASURED)));
        assertThat(ids(arrivals)).doesNotHaveDuplicates();
        Instant lastMade = arrivals.get(arrivals.size() - 1).createdAt();
        List<MadeTweet> made = simulator.madeTweets();
        assertThat(ids(arrivals)).isSubsetOf(made.stream().map(MadeTweet::id).toList());
        assertThat(made).as("every tweet made while connected arrived, but those that may still be due")
                .filteredOn(tweet -> tweet.createdAt().isBefore(lastMade.minus(CAP).minus(CLOCK_GRANULARITY)))
                .extracting(MadeTweet::id).isSubsetOf(ids(arrivals));
        List<SentTweet> sent = assertSentAsArrived(arrivals);
        Map<Long, MadeTweet> madeById = made.stream().collect(Collectors.toMap(MadeTweet::id, Function.identity()));
        assertThat(sent).as("created_at, id and history are those of the creation").allSatisfy(tweet -> {
            Instant createdAt = madeById.get(tweet.id()).createdAt();
            assertThat(tweet.createdAt()).isEqualTo(createdAt);
            assertThat(Json.parse(tweet.json()).path("data").path("created_at").asText())
                    .isEqualTo(V2Json.time(createdAt.truncatedTo(ChronoUnit.SECONDS)));
        });
    }

    @Test
    void v11StatusesArriveOutOfOrderWithXsDelaysNoneEarlyOrTwice() throws Exception {
        simulator = StreamSimulator.start(SimulatorSettings.builder().tweetsPerSecond(200)
                .deliveryDelay(DeliveryDelay.xLike()).build());
        Instant opened = Instant.now();
        List<Arrival> arrivals;
        try (StreamClient stream = StreamClient.open(simulator, Api.V1_FORM)) {
            arrivals = readUntilOneMadeFrom(stream, Api.V1, opened.plus(MEASURED).plus(CAP), DEADLINE);
        }

        assertOutOfOrderButNeverEarly(arrivals);
        assertXsShape(madeIn(arrivals, opened, opened.plus(MEASURED)));
        assertThat(ids(arrivals)).doesNotHaveDuplicates();
        assertThat(assertSentAsArrived(arrivals)).allSatisfy(tweet -> assertThat(tweet.createdAt().toEpochMilli())
                .as("timestamp_ms is the creation's").isEqualTo(Json.parse(tweet.json()).path("timestamp_ms").asLong()));
    }

    @Test
    void withoutADelayTweetsArriveInOrderAsTheyAreMade() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(200));
        client.addRule("kafka", null);
        Instant opened = Instant.now();
        List<Arrival> arrivals;
        try (StreamClient stream = client.open(FILTERED)) {
            arrivals = readUntilOneMadeFrom(stream, Api.V2, opened.plus(MEASURED), DEADLINE);
        }

        assertThat(ids(arrivals)).hasSizeGreaterThan(100).isSorted().doesNotHaveDuplicates();
        assertThat(assertSentAsArrived(arrivals)).allSatisfy(tweet -> assertThat(tweet.sentAt()).isEqualTo(tweet.createdAt()));
    }

    @Test
    void aConnectionGetsWhatIsDueWhileItIsOpenAtTheSameTimesAndInTheSameOrderAsTheOthers() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(200).v2MaxConnections(2).deliveryDelay(SHORT));
        client.addRule("kafka", null);
        Instant firstOpened = Instant.now();
        try (StreamClient first = client.open(FILTERED)) {
            List<Arrival> firstArrivals = new ArrayList<>(readUntilOneMadeFrom(first, Api.V2,
                    firstOpened.plus(SHORT.cap()), DEADLINE));
            Instant laterOpened = Instant.now();
            try (StreamClient later = client.open(FILTERED)) {
                List<Arrival> laterArrivals = readUntilOneMadeFrom(later, Api.V2,
                        laterOpened.plus(SHORT.cap()).plus(SHORT.cap()), DEADLINE);
                long lastLater = laterArrivals.get(laterArrivals.size() - 1).id();
                while (!ids(firstArrivals).contains(lastLater)) {
                    firstArrivals.addAll(readUntilOneMadeFrom(first, Api.V2, Instant.MIN, DEADLINE));
                }

                assertThat(laterArrivals).as("made before it opened, due after").anyMatch(tweet -> tweet.createdAt()
                        .isBefore(laterOpened.minus(CLOCK_GRANULARITY)));
                int joined = ids(firstArrivals).indexOf(laterArrivals.get(0).id());
                assertThat(ids(firstArrivals).subList(joined, joined + laterArrivals.size()))
                        .as("from the first tweet due after it opened, what the first connection got")
                        .containsExactlyElementsOf(ids(laterArrivals));
            }
        }
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.openConnectionCount() == 0);
        Map<Long, Set<Instant>> sentAts = simulator.sentTweets().stream().collect(Collectors.groupingBy(SentTweet::id,
                Collectors.mapping(SentTweet::sentAt, Collectors.toSet())));
        assertThat(sentAts.values()).as("one delivery time per tweet, whatever the connection").allSatisfy(times ->
                assertThat(times).hasSize(1));
        assertThat(simulator.sentTweets()).allSatisfy(tweet -> assertThat(tweet.deliveryDelay())
                .isBetween(Duration.ZERO, SHORT.cap()));
    }

    @Test
    void backfillLeavesOutWhatIsNotDeliveredYetWhichComesLiveNeitherLostNorTwice() throws Exception {
        V2Client client = start(SimulatorSettings.builder().tweetsPerSecond(200).v2MaxConnections(2).deliveryDelay(SHORT));
        client.addRule("kafka", null);
        Instant firstOpened = Instant.now();
        try (StreamClient first = client.open(FILTERED)) {
            readUntilOneMadeFrom(first, Api.V2, firstOpened.plus(SHORT.cap()), DEADLINE);
            Instant backOpened = Instant.now();
            List<Arrival> back;
            try (StreamClient backfilled = client.open(FILTERED + "?backfill_minutes=1")) {
                back = readUntilOneMadeFrom(backfilled, Api.V2, backOpened.plus(SHORT.cap()).plus(SHORT.cap()), DEADLINE);
            }

            assertThat(ids(back)).doesNotHaveDuplicates();
            assertThat(back).as("backfill").anyMatch(tweet -> tweet.createdAt().isBefore(firstOpened.plus(SHORT.cap())));
            Instant lastMade = back.get(back.size() - 1).createdAt();
            List<Long> made = simulator.madeTweets().stream().map(MadeTweet::id).toList();
            assertThat(ids(back)).isSubsetOf(made);
            assertThat(simulator.madeTweets()).as("every tweet made, by backfill or live, but those that may still be due")
                    .filteredOn(tweet -> tweet.createdAt().isBefore(lastMade.minus(SHORT.cap()).minus(CLOCK_GRANULARITY)))
                    .extracting(MadeTweet::id).isSubsetOf(ids(back));
        }
    }

    private V2Client start(SimulatorSettings.Builder settings) {
        simulator = StreamSimulator.start(settings.build());
        return new V2Client(simulator);
    }

    /** Some tweet arrives after one made later (most do: X's delays are long beside 5 ms between tweets). */
    private static void assertOutOfOrderButNeverEarly(List<Arrival> arrivals) {
        assertThat(arrivals).hasSizeGreaterThan(1_000);
        long newest = Long.MIN_VALUE;
        int overtaken = 0;
        for (Arrival arrival : arrivals) {
            if (arrival.id() < newest) {
                overtaken++;
            }
            newest = Math.max(newest, arrival.id());
        }
        assertThat(overtaken).as("tweets that arrive after a newer one").isGreaterThan(arrivals.size() / 2);
        assertThat(arrivals).allSatisfy(arrival -> assertThat(arrival.receivedAt())
                .isAfterOrEqualTo(arrival.createdAt().minus(CLOCK_GRANULARITY)));
    }

    /** Loose bounds around X's median of 1-2 s and P99 of 6-7 s: the delays include a loaded machine's. */
    private static void assertXsShape(List<Arrival> measured) {
        assertThat(measured).hasSizeGreaterThan(200);
        List<Duration> delays = measured.stream().map(Arrival::delay).sorted().toList();
        Duration median = delays.get(delays.size() / 2);
        Duration p99 = delays.get((int) Math.ceil(0.99 * delays.size()) - 1);
        long withinTwoSeconds = delays.stream().filter(delay -> delay.compareTo(Duration.ofSeconds(2)) <= 0).count();
        assertThat(median).isBetween(Duration.ofMillis(700), Duration.ofMillis(1_600));
        assertThat(withinTwoSeconds).isGreaterThanOrEqualTo(Math.round(0.6 * delays.size()));
        assertThat(p99).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(10));
        assertThat(delays.get(delays.size() - 1)).isLessThanOrEqualTo(CAP.plusSeconds(1));
    }

    private static List<Arrival> madeIn(List<Arrival> arrivals, Instant from, Instant until) {
        return arrivals.stream().filter(arrival -> !arrival.createdAt().isBefore(from.truncatedTo(ChronoUnit.MILLIS))
                && arrival.createdAt().isBefore(until)).toList();
    }

    /**
     * The client read what the simulator recorded as sent on its connection, in that order, each sent (delivered) no
     * earlier than made and at most the cap later. @return those records
     */
    private List<SentTweet> assertSentAsArrived(List<Arrival> arrivals) {
        await().atMost(StreamClient.DEADLINE).until(() -> simulator.sentTweets().size() >= arrivals.size());
        List<SentTweet> sent = simulator.sentTweets().subList(0, arrivals.size());
        assertThat(sent).extracting(SentTweet::id).containsExactlyElementsOf(ids(arrivals));
        assertThat(sent).allSatisfy(tweet -> assertThat(tweet.deliveryDelay()).isBetween(Duration.ZERO, CAP));
        assertThat(new HashSet<>(sent.stream().map(SentTweet::connectionId).toList())).containsExactly(1L);
        return sent;
    }
}
