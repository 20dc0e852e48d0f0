package io.tweetstream.connect.v2.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.connect.core.EventBuffer;
import io.tweetstream.connect.core.ResumePoint;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.core.StreamEvent;
import io.tweetstream.connect.core.StreamEvent.PositionReached;
import io.tweetstream.connect.core.StreamEvent.TweetDeleted;
import io.tweetstream.connect.core.StreamFailure;
import io.tweetstream.connect.core.StreamStats;
import io.tweetstream.connect.v2.Json;
import io.tweetstream.connect.v2.XApiClient;
import io.tweetstream.simulator.ComplianceJobInfo;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch compliance check against the simulator's jobs API over HTTP, the ids to check given (the e2e
 * BatchComplianceIT reads them from a topic): deletes handed over with the job's time in the offset before the last
 * one; a restart that finds its job applied, or still in progress; another job of the app in the way; refused
 * credentials.
 */
class BatchComplianceCheckIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String TOKEN = "batch-check-token";
    private static final String JOB_NAME = "tweetstream-batch-check";

    private StreamSimulator simulator;
    private final List<BatchComplianceCheck> checks = new ArrayList<>();

    @BeforeEach
    void start() {
        startSimulator(Duration.ofMillis(500));
    }

    private void startSimulator(Duration processing) {
        startSimulator(processing, Duration.ofMinutes(15));
    }

    private void startSimulator(Duration processing, Duration uploadWindow) {
        if (simulator != null) {
            simulator.close();
        }
        simulator = StreamSimulator.start(SimulatorSettings.builder().tier(SimulatorSettings.Tier.ENTERPRISE)
                .tweetsPerSecond(200).noAutomaticCompliance().seed(31).complianceJobProcessing(processing)
                .complianceJobUploadWindow(uploadWindow).acceptedBearerTokens(Set.of(TOKEN)).build());
    }

    @AfterEach
    void stop() {
        checks.forEach(BatchComplianceCheck::close);
        simulator.close();
    }

    private XApiClient client(String token) {
        return new XApiClient(simulator.v2BaseUrl(), new Password(token), Duration.ofSeconds(10));
    }

    /** Ids of Posts the simulator streamed, read from its sample stream. */
    private long[] streamedIds(int count) throws Exception {
        HttpResponse<java.io.InputStream> response = client(TOKEN).openStream("2/tweets/sample/stream",
                Duration.ofSeconds(10));
        long[] ids = new long[count];
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            int read = 0;
            while (read < count) {
                String line = lines.readLine();
                if (line != null && !line.isBlank()) {
                    JsonNode tweet = Json.MAPPER.readTree(line).path("data");
                    ids[read++] = Long.parseLong(tweet.path("id").asText());
                }
            }
        }
        Arrays.sort(ids);
        return ids;
    }

    private BatchComplianceCheck check(long[] ids, EventBuffer buffer, StreamStats stats, String token) {
        BatchComplianceCheck.Settings settings = new BatchComplianceCheck.Settings("batch-check-test", JOB_NAME,
                "tweets", Duration.ofHours(24), Duration.ofHours(168), Duration.ofMillis(100));
        BatchComplianceCheck check = new BatchComplianceCheck(settings,
                (since, stop) -> new WrittenTweetIds.Read(ids, ids.length, 0), client(token), buffer, stats);
        checks.add(check);
        return check;
    }

    private static List<StreamEvent> drainUntil(EventBuffer buffer, int events) {
        List<StreamEvent> drained = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            drained.addAll(buffer.drain(100, 100));
            return drained.size() >= events;
        });
        return drained;
    }

    private List<ComplianceJobInfo> ours() {
        return simulator.complianceJobs().stream().filter(job -> JOB_NAME.equals(job.name())).toList();
    }

    @Test
    void deletesAreHandedOverWithTheJobsTimeInTheOffsetBeforeTheLastOne() throws Exception {
        long[] ids = streamedIds(20);
        simulator.deletePost(ids[3]);
        simulator.dropPost(ids[7]);
        simulator.editPost(ids[9]);
        StreamStats stats = new StreamStats();
        EventBuffer buffer = new EventBuffer(100, stats);

        check(ids, buffer, stats, TOKEN).start();

        List<StreamEvent> events = drainUntil(buffer, 3);
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(TweetDeleted.class);
        assertThat(events.get(1)).isInstanceOf(PositionReached.class);
        assertThat(events.get(2)).isInstanceOf(TweetDeleted.class);
        assertThat(List.of(((TweetDeleted) events.get(0)).tweetId(), ((TweetDeleted) events.get(2)).tweetId()))
                .containsExactlyInAnyOrder(ids[3], ids[7]);
        ComplianceJobInfo job = ours().get(0);
        assertThat(((PositionReached) events.get(1)).at()).isEqualTo(job.createdAt());
        assertThat(job.uploadedIds()).isEqualTo(ids.length);
        await().atMost(DEADLINE).until(() -> stats.get(StreamCounter.COMPLIANCE_JOBS) == 1);
        assertThat(stats.get(StreamCounter.COMPLIANCE_EVENTS)).isEqualTo(2);
        assertThat(stats.get(StreamCounter.COMPLIANCE_NOT_APPLIED)).isEqualTo(1);
        assertThat(stats.get(StreamCounter.COMPLIANCE_IDS_CHECKED)).isEqualTo(ids.length);
    }

    @Test
    void aRestartFindsItsJobAppliedAndMakesNoOtherWithinTheInterval() throws Exception {
        long[] ids = streamedIds(10);
        simulator.deletePost(ids[0]);
        StreamStats stats = new StreamStats();
        EventBuffer first = new EventBuffer(100, stats);
        check(ids, first, stats, TOKEN).start();
        PositionReached applied = (PositionReached) drainUntil(first, 2).get(0);
        checks.get(0).close();

        int listed = simulator.complianceJobListings();
        EventBuffer second = new EventBuffer(100, stats);
        BatchComplianceCheck restarted = check(ids, second, stats, TOKEN);
        restarted.resumeAfter(new ResumePoint(applied.id(), applied.at()));
        restarted.start();

        await().atMost(DEADLINE).until(() -> simulator.complianceJobListings() > listed);
        await().during(Duration.ofSeconds(2)).atMost(DEADLINE).until(() -> second.drain(10, 50).isEmpty());
        assertThat(ours()).hasSize(1);
        assertThat(simulator.complianceJobDownloads()).isEqualTo(1);
    }

    @Test
    void aRestartWaitsForTheJobItsPreviousRunUploaded() throws Exception {
        // Processing takes longer than the first run lives.
        startSimulator(Duration.ofSeconds(3));
        long[] ids = streamedIds(10);
        simulator.deletePost(ids[5]);
        StreamStats stats = new StreamStats();
        check(ids, new EventBuffer(100, stats), stats, TOKEN).start();
        await().atMost(DEADLINE).until(() -> simulator.complianceJobUploads() == 1);
        checks.get(0).close();

        EventBuffer second = new EventBuffer(100, stats);
        check(ids, second, stats, TOKEN).start();

        List<StreamEvent> events = drainUntil(second, 2);
        assertThat(events.get(0)).isInstanceOf(PositionReached.class);
        assertThat(((TweetDeleted) events.get(1)).tweetId()).isEqualTo(ids[5]);
        assertThat(ours()).as("the same job").singleElement().satisfies(job -> assertThat(job.status()).isEqualTo(ComplianceJobInfo.COMPLETE));
    }

    @Test
    void anotherJobOfTheAppInTheWayIsWaitedFor() throws Exception {
        long[] ids = streamedIds(10);
        simulator.deletePost(ids[2]);
        JsonNode other = client(TOKEN).call("POST", "2/compliance/jobs", Map.of("type", "tweets", "name", "someone-else"));
        StreamStats stats = new StreamStats();
        EventBuffer buffer = new EventBuffer(100, stats);
        check(ids, buffer, stats, TOKEN).start();

        await().atMost(DEADLINE).until(() -> simulator.complianceJobListings() >= 2);
        assertThat(ours()).as("refused with 409 while the other is active").isEmpty();
        client(TOKEN).call("DELETE", "2/compliance/jobs/" + other.path("data").path("id").asText(), null);

        List<StreamEvent> events = drainUntil(buffer, 2);
        assertThat(((TweetDeleted) events.get(1)).tweetId()).isEqualTo(ids[2]);
        assertThat(ours()).singleElement().satisfies(job -> assertThat(job.status()).isEqualTo(ComplianceJobInfo.COMPLETE));
    }

    @Test
    void aRefusedUploadUrlEndsTheJobNotTheTask() throws Exception {
        // Every upload window lapses before the upload: X refuses the URL, and only a new job can help.
        startSimulator(Duration.ofMillis(500), Duration.ofMillis(1));
        StreamStats stats = new StreamStats();
        EventBuffer buffer = new EventBuffer(100, stats);
        check(new long[] {1_861_100_000_000_000_001L}, buffer, stats, TOKEN).start();

        await().atMost(DEADLINE).until(() -> ours().size() >= 3);
        assertThat(ours()).allSatisfy(job -> {
            assertThat(job.uploadedIds()).isZero();
            assertThat(job.active()).as("cancelled or expired").isFalse();
        });
        assertThat(buffer.drain(10, 100)).as("no failure, nothing written").isEmpty();
    }

    @Test
    void refusedCredentialsFailTheStreamWithoutTheToken() {
        StreamStats stats = new StreamStats();
        EventBuffer buffer = new EventBuffer(100, stats);
        String wrong = "not-the-token-0123456789";
        check(new long[] {1L}, buffer, stats, wrong).start();

        assertThatThrownBy(() -> {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < deadline) {
                buffer.drain(10, 100);
            }
        }).isInstanceOf(StreamFailure.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("bearer token").hasMessageNotContaining(wrong);
    }
}
