package io.tweetstream.simulator.v2;

import io.tweetstream.simulator.ComplianceEvent;
import io.tweetstream.simulator.ComplianceJobInfo;
import io.tweetstream.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The jobs' lifecycle as time passes, and their results from the compliance events, without HTTP. */
class ComplianceJobsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration PROCESSING = Duration.ofSeconds(10);

    private final List<ComplianceEvent> events = new CopyOnWriteArrayList<>();
    private final ComplianceJobs jobs = new ComplianceJobs(SimulatorSettings.builder()
            .complianceJobProcessing(PROCESSING).build(), () -> List.copyOf(events));

    @Test
    void eachIdGetsItsHighestImpactEventAsOfTheEndOfProcessing() throws Exception {
        event(ComplianceEvent.DELETE, 1, T0.minusSeconds(5), List.of());
        event(ComplianceEvent.DROP, 1, T0.minusSeconds(4), List.of());
        event(ComplianceEvent.DROP, 2, T0.minusSeconds(4), List.of());
        event(ComplianceEvent.TWEET_EDIT, 31, T0.minusSeconds(3), List.of(3L, 30L, 31L));
        event(ComplianceEvent.TWEET_EDIT, 41, T0.minusSeconds(3), List.of(4L, 41L));
        event(ComplianceEvent.WITHHELD, 6, T0.minusSeconds(2), List.of());
        event(ComplianceEvent.DROP, 8, T0.minusSeconds(2), List.of());
        event(ComplianceEvent.UNDROP, 8, T0.minusSeconds(1), List.of());
        event(ComplianceEvent.DELETE, 7, T0.plus(PROCESSING).plusMillis(1), List.of());
        jobs.scrubGeo(4, T0.minusSeconds(1));
        jobs.scrubGeo(5, T0.minusSeconds(1));
        ComplianceJobs.View job = jobs.create(ComplianceJobInfo.TWEETS, null, T0);

        jobs.upload(id(job), job.uploadToken(), ids("8\n7\n6\n5\n4\n41\n31\n30\n3\n2\n1\n1\nnope\nnope"), T0);

        assertThat(jobs.show(id(job), T0.plus(PROCESSING).minusMillis(1)).info().status())
                .isEqualTo(ComplianceJobInfo.IN_PROGRESS);
        String results = jobs.download(id(job), job.downloadToken(), T0.plus(PROCESSING));
        assertThat(results.lines().map(line -> line.replaceAll(",\"created_at.*", "")))
                .containsExactly(
                        "{\"id\":\"5\",\"action\":\"scrub_geo\",\"reason\":\"geo_scrubbed\"",
                        "{\"id\":\"4\",\"action\":\"rehydrate\",\"reason\":\"tweet_edited\"",
                        "{\"id\":\"30\",\"action\":\"rehydrate\",\"reason\":\"tweet_edited\"",
                        "{\"id\":\"3\",\"action\":\"rehydrate\",\"reason\":\"tweet_edited\"",
                        "{\"id\":\"2\",\"action\":\"delete\",\"reason\":\"protected\"",
                        "{\"id\":\"1\",\"action\":\"delete\",\"reason\":\"deleted\"",
                        "{\"id\":\"nope\",\"error\":\"invalid_id\"}");
        assertThat(results).contains("{\"id\":\"1\",\"action\":\"delete\",\"reason\":\"deleted\",\"created_at\":\""
                + "2010-11-04T01:42:54.000Z\",\"redacted_at\":\"2026-03-01T09:59:55.000Z\",\"deleted_at\":\""
                + "2026-03-01T09:59:55.000Z\"}\n");
        ComplianceJobInfo info = jobs.infos(T0.plus(PROCESSING)).get(0);
        assertThat(info.status()).isEqualTo(ComplianceJobInfo.COMPLETE);
        assertThat(info.finishedAt()).isEqualTo(T0.plus(PROCESSING));
        assertThat(info.uploadedIds()).isEqualTo(12);
        assertThat(info.invalidLines()).isEqualTo(2);
        assertThat(info.resultLines()).isEqualTo(7);
    }

    @Test
    void aUsersJobReportsOnlyItsInvalidLines() throws Exception {
        event(ComplianceEvent.DELETE, 1, T0.minusSeconds(5), List.of());
        ComplianceJobs.View job = jobs.create(ComplianceJobInfo.USERS, "people", T0);
        jobs.upload(id(job), job.uploadToken(), ids("1\n@someone"), T0);

        assertThat(jobs.download(id(job), job.downloadToken(), T0.plus(PROCESSING)))
                .isEqualTo("{\"id\":\"@someone\",\"error\":\"invalid_id\"}\n");
    }

    @Test
    void anUnusedUploadWindowExpiresTheJobAndFreesItsSlot() throws Exception {
        ComplianceJobs.View job = jobs.create(ComplianceJobInfo.TWEETS, null, T0);
        Instant lapsed = job.info().uploadExpiresAt();
        assertThat(lapsed).isEqualTo(T0.plus(Duration.ofMinutes(15)));

        assertThatThrownBy(() -> jobs.create(ComplianceJobInfo.TWEETS, null, lapsed.minusMillis(1)))
                .isInstanceOfSatisfying(ComplianceJobs.RefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ComplianceJobs.RefusedException.Reason.ACTIVE_JOB));
        assertThatThrownBy(() -> jobs.upload(id(job), job.uploadToken(), ids("1"), lapsed))
                .isInstanceOfSatisfying(ComplianceJobs.RefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ComplianceJobs.RefusedException.Reason.WRONG_TOKEN));
        assertThat(jobs.show(id(job), lapsed).info().finishedAt()).isEqualTo(lapsed);
        assertThat(jobs.create(ComplianceJobInfo.TWEETS, null, lapsed).info().status())
                .isEqualTo(ComplianceJobInfo.CREATED);
    }

    @Test
    void theDownloadUrlLapsesAfterSevenDays() throws Exception {
        ComplianceJobs.View job = jobs.create(ComplianceJobInfo.TWEETS, null, T0);
        jobs.upload(id(job), job.uploadToken(), ids("1"), T0);
        assertThat(jobs.download(id(job), job.downloadToken(), T0.plus(Duration.ofDays(7)).minusMillis(1))).isEmpty();

        assertThatThrownBy(() -> jobs.download(id(job), job.downloadToken(), T0.plus(Duration.ofDays(7))))
                .isInstanceOfSatisfying(ComplianceJobs.RefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ComplianceJobs.RefusedException.Reason.WRONG_TOKEN));
        assertThat(jobs.downloads()).isEqualTo(1);
        assertThat(jobs.uploads()).isEqualTo(1);
    }

    @Test
    void onlyTheNextJobUploadedFails() throws Exception {
        jobs.failNext("boom");
        ComplianceJobs.View first = jobs.create(ComplianceJobInfo.TWEETS, null, T0);
        jobs.upload(id(first), first.uploadToken(), ids("1"), T0);
        ComplianceJobs.View second = jobs.create(ComplianceJobInfo.USERS, null, T0);
        jobs.upload(id(second), second.uploadToken(), ids("1"), T0);

        List<ComplianceJobInfo> infos = jobs.infos(T0.plus(PROCESSING));

        assertThat(infos).extracting(ComplianceJobInfo::status, ComplianceJobInfo::error).containsExactly(
                tuple(ComplianceJobInfo.FAILED, "boom"),
                tuple(ComplianceJobInfo.COMPLETE, null));
    }

    private void event(String type, long tweetId, Instant at, List<Long> versions) {
        events.add(new ComplianceEvent(type, tweetId, 99L, at, 1, "{}", versions, List.of(), false));
    }

    private static String id(ComplianceJobs.View job) {
        return job.info().id();
    }

    private static UploadedIds ids(String body) throws IOException {
        return UploadedIds.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE);
    }
}
