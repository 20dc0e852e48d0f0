package io.tweetstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.generate.SnowflakeIds;
import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.StreamClient;
import io.tweetstream.simulator.testing.V2Client;
import io.tweetstream.simulator.v2.V2Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * X's batch compliance jobs over real HTTP: create, upload, poll, download; results that are the Post compliance
 * stream's world (deletes, drops, edits, geo scrubs; withholdings and clean Posts absent; invalid lines reported); one
 * active job per type; the URLs' own tokens beside the bearer token; cancel, failure, a lapsed upload window, a too
 * large upload and X's 400s; every answer dated by the billing clock; nothing billed.
 */
class V2ComplianceJobsIT {

    private static final String JOBS = "2/compliance/jobs";
    private static final Duration LONG_DEADLINE = Duration.ofSeconds(30);

    private StreamSimulator simulator;
    private V2Client client;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aTweetsJobReportsTheLatestStateOfEachUploadedPostOnce() throws Exception {
        start(SimulatorSettings.builder().complianceJobProcessing(Duration.ofMillis(300)));
        List<SentTweet> posts = streamSomePosts(8);
        long billed = simulator.postsBilledTotal();
        long deleted = posts.get(0).id();
        long edited = posts.get(1).id();
        long clean = posts.get(2).id();
        long dropped = posts.get(3).id();
        long undropped = posts.get(4).id();
        long withheld = posts.get(5).id();
        long scrubbed = posts.get(6).id();
        long deletedAndEdited = posts.get(7).id();
        ComplianceEvent delete = simulator.deletePost(deleted);
        ComplianceEvent edit = simulator.editPost(edited);
        ComplianceEvent drop = simulator.dropPost(dropped);
        simulator.dropPost(undropped);
        simulator.undropPost(undropped);
        simulator.withholdPost(withheld, List.of("DE"));
        Instant scrub = simulator.scrubGeo(scrubbed);
        simulator.editPost(deletedAndEdited);
        ComplianceEvent deleteAfterEdit = simulator.deletePost(deletedAndEdited);
        simulator.advanceBillingClock(Duration.ofDays(3));

        V2Client.Answer created = client.post(JOBS, "{\"type\":\"tweets\",\"name\":\"nightly\"}");

        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        assertDatedByBillingClock(created.response());
        assertThat(created.response().headers().firstValue("x-rate-limit-limit")).hasValue("150");
        JsonNode job = created.body().path("data");
        String id = job.path("id").asText();
        assertThat(id).matches("[0-9]{1,19}");
        assertThat(job.path("type").asText()).isEqualTo("tweets");
        assertThat(job.path("name").asText()).isEqualTo("nightly");
        assertThat(job.path("status").asText()).isEqualTo("created");
        assertThat(job.has("error")).isFalse();
        Instant createdAt = time(job, "created_at");
        assertThat(time(job, "upload_expires_at")).isEqualTo(createdAt.plus(Duration.ofMinutes(15)));
        assertThat(time(job, "download_expires_at")).isEqualTo(createdAt.plus(Duration.ofDays(7)));
        String base = simulator.v2BaseUrl() + JOBS + "/" + id;
        assertThat(job.path("upload_url").asText()).startsWith(base + "/upload?token=");
        assertThat(job.path("download_url").asText()).startsWith(base + "/download?token=");

        String upload = String.join("\n", Long.toString(deleted), Long.toString(edited), Long.toString(clean),
                "not_a_valid_id", Long.toString(dropped), " " + undropped + "\r", Long.toString(withheld),
                Long.toString(scrubbed), Long.toString(deletedAndEdited), "42", Long.toString(edit.tweetId()),
                Long.toString(deleted), "", Long.toString(edited));
        HttpResponse<String> uploaded = client.send("PUT", job.path("upload_url").asText(), upload);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertDatedByBillingClock(uploaded);
        JsonNode uploadedJob = Json.parse(uploaded.body()).path("data");
        assertThat(uploadedJob.path("status").asText()).isEqualTo("in_progress");
        assertThat(uploadedJob.path("upload_url").asText()).isEqualTo(job.path("upload_url").asText());

        JsonNode complete = awaitStatus(id, "complete");
        assertThat(complete.path("download_url").asText()).isEqualTo(job.path("download_url").asText());
        HttpResponse<String> results = client.send("GET", complete.path("download_url").asText(), null);

        assertThat(results.statusCode()).as(results.body()).isEqualTo(200);
        assertDatedByBillingClock(results);
        assertThat(results.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(results.body()).endsWith("\n");
        List<String> lines = Arrays.asList(results.body().split("\n"));
        assertThat(lines).containsExactly(
                "{\"id\":\"" + deleted + "\",\"action\":\"delete\",\"reason\":\"deleted\",\"created_at\":\""
                        + createdAt(deleted) + "\",\"redacted_at\":\"" + at(delete) + "\",\"deleted_at\":\""
                        + at(delete) + "\"}",
                "{\"id\":\"" + edited + "\",\"action\":\"rehydrate\",\"reason\":\"tweet_edited\",\"created_at\":\""
                        + createdAt(edited) + "\",\"redacted_at\":\"" + at(edit) + "\"}",
                "{\"id\":\"" + dropped + "\",\"action\":\"delete\",\"reason\":\"protected\",\"created_at\":\""
                        + createdAt(dropped) + "\",\"redacted_at\":\"" + at(drop) + "\",\"deleted_at\":\"" + at(drop)
                        + "\"}",
                "{\"id\":\"" + scrubbed + "\",\"action\":\"scrub_geo\",\"reason\":\"geo_scrubbed\",\"created_at\":\""
                        + createdAt(scrubbed) + "\",\"redacted_at\":\"" + V2Json.time(scrub) + "\"}",
                "{\"id\":\"" + deletedAndEdited + "\",\"action\":\"delete\",\"reason\":\"deleted\",\"created_at\":\""
                        + createdAt(deletedAndEdited) + "\",\"redacted_at\":\"" + at(deleteAfterEdit)
                        + "\",\"deleted_at\":\"" + at(deleteAfterEdit) + "\"}",
                "{\"id\":\"not_a_valid_id\",\"error\":\"invalid_id\"}");
        assertThat(createdAt(deleted)).as("the Post's created_at, as streamed")
                .isEqualTo(Json.parse(posts.get(0).json()).path("data").path("created_at").asText());

        // The results are those of the moment processing ended: a later delete is in the next job only.
        simulator.deletePost(clean);
        assertThat(client.send("GET", complete.path("download_url").asText(), null).body()).isEqualTo(results.body());
        ComplianceJobInfo info = simulator.complianceJobs().get(0);
        assertThat(info.id()).isEqualTo(id);
        assertThat(info.status()).isEqualTo(ComplianceJobInfo.COMPLETE);
        assertThat(info.uploadedIds()).as("repeats included").isEqualTo(12);
        assertThat(info.invalidLines()).isEqualTo(1);
        assertThat(info.resultLines()).isEqualTo(6);
        assertThat(info.downloads()).isEqualTo(2);
        assertThat(Duration.between(info.uploadedAt(), info.finishedAt())).isEqualTo(Duration.ofMillis(300));
        assertThat(simulator.complianceJobUploads()).isEqualTo(1);
        assertThat(simulator.complianceJobDownloads()).isEqualTo(2);
        assertThat(simulator.postsBilledTotal()).as("compliance jobs are not billed").isEqualTo(billed);

        V2Client.Answer listed = client.get(JOBS + "?type=tweets&status=complete");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("data")).singleElement().isEqualTo(complete);
        assertThat(listed.body().path("meta").path("result_count").asInt()).isEqualTo(1);
        assertThat(client.get(JOBS + "?type=users").body()).isEqualTo(Json.parse("{\"meta\":{\"result_count\":0}}"));
    }

    @Test
    void oneActiveJobPerTypeAUsersJobBesideItAndCancellingFreesTheSlot() throws Exception {
        start(SimulatorSettings.builder());
        String first = create("tweets");

        V2Client.Answer second = client.post(JOBS, "{\"type\":\"tweets\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().path("title").asText()).isEqualTo("Conflict");
        assertThat(second.body().path("detail").asText()).contains(first);
        String users = create("users");

        V2Client.Answer cancelled = client.delete(JOBS + "/" + first);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body()).isEqualTo(Json.parse("{\"data\":{\"id\":\"" + first + "\",\"status\":\"expired\"}}"));
        assertThat(client.delete(JOBS + "/" + first).status()).as("only an active job can be cancelled").isEqualTo(409);
        String third = create("tweets");

        V2Client.Answer listed = client.get(JOBS + "?type=tweets");
        assertThat(listed.body().path("data").findValuesAsText("id")).as("newest first").containsExactly(third, first);
        assertThat(client.get(JOBS + "?type=users&status=created").body().path("data").findValuesAsText("id"))
                .containsExactly(users);
        assertThat(simulator.complianceJobs()).extracting(ComplianceJobInfo::id, ComplianceJobInfo::status)
                .containsExactly(tuple(first, "expired"),
                        tuple(users, "created"),
                        tuple(third, "created"));

        V2Client.Answer unknown = client.get(JOBS + "/123");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo(Json.parse("{\"title\":\"Not Found Error\",\"detail\":\"Could not find "
                + "compliance job with id: [123].\",\"type\":\"https://api.twitter.com/2/problems/resource-not-found\","
                + "\"resource_type\":\"compliance_job\",\"parameter\":\"id\",\"resource_id\":\"123\",\"value\":\"123\"}"));
        assertThat(client.delete(JOBS + "/123").status()).isEqualTo(404);
    }

    @Test
    void theJobUrlsWantTheBearerTokenAndTheirOwnTokenForTheirOwnJob() throws Exception {
        start(SimulatorSettings.builder().complianceJobProcessing(Duration.ofSeconds(30)));
        JsonNode tweets = client.post(JOBS, "{\"type\":\"tweets\"}").body().path("data");
        JsonNode users = client.post(JOBS, "{\"type\":\"users\"}").body().path("data");
        String upload = tweets.path("upload_url").asText();
        String download = tweets.path("download_url").asText();
        V2Client anonymous = new V2Client(simulator, null);

        assertThat(anonymous.get(JOBS + "?type=tweets").status()).isEqualTo(401);
        assertThat(anonymous.send("PUT", upload, "1").statusCode()).as("no bearer token").isEqualTo(401);
        assertThat(anonymous.send("GET", download, null).statusCode()).isEqualTo(401);
        assertThat(client.send("PUT", withToken(upload, "made-up"), "1").statusCode()).as("a token never given")
                .isEqualTo(401);
        assertThat(client.send("PUT", withToken(upload, null), "1").statusCode()).as("no token").isEqualTo(401);
        HttpResponse<String> wrongPurpose = client.send("PUT", withToken(upload, token(download)), "1");
        assertThat(wrongPurpose.statusCode()).as("the download token on the upload URL").isEqualTo(403);
        assertThat(wrongPurpose.body()).doesNotContain(token(download)).doesNotContain(token(upload));
        assertThat(client.send("PUT", withToken(upload, token(users.path("upload_url").asText())), "1").statusCode())
                .as("another job's upload token").isEqualTo(403);
        assertThat(client.send("GET", withToken(download, token(upload)), null).statusCode()).isEqualTo(403);
        assertThat(simulator.complianceJobs()).allSatisfy(job -> assertThat(job.status()).isEqualTo("created"));

        HttpResponse<String> early = client.send("GET", download, null);
        assertThat(early.statusCode()).as("the results before the job is complete").isEqualTo(409);
        assertThat(Json.parse(early.body()).path("detail").asText()).contains("created");
        assertThat(client.send("PUT", upload, "1\n2").statusCode()).isEqualTo(200);
        assertThat(client.send("PUT", upload, "1\n2").statusCode()).as("one upload per job").isEqualTo(409);
        assertThat(Json.parse(client.send("GET", download, null).body()).path("detail").asText())
                .contains("in_progress");
        assertThat(client.send("DELETE", upload, null).statusCode()).isEqualTo(405);
        assertThat(simulator.complianceJobDownloads()).isZero();
    }

    @Test
    void aFailedJobSaysWhyHasNoResultsAndFreesTheSlot() throws Exception {
        start(SimulatorSettings.builder().complianceJobProcessing(Duration.ofMillis(200)));
        simulator.failNextComplianceJob("simulated processing failure");
        JsonNode job = client.post(JOBS, "{\"type\":\"tweets\"}").body().path("data");
        assertThat(client.send("PUT", job.path("upload_url").asText(), "1\n2\n").statusCode()).isEqualTo(200);

        JsonNode failed = awaitStatus(job.path("id").asText(), "failed");

        assertThat(failed.path("error").asText()).isEqualTo("simulated processing failure");
        assertThat(client.send("GET", job.path("download_url").asText(), null).statusCode()).isEqualTo(409);
        assertThat(simulator.complianceJobs()).singleElement().satisfies(info -> {
            assertThat(info.error()).isEqualTo("simulated processing failure");
            assertThat(info.finishedAt()).isNotNull();
        });
        JsonNode next = client.post(JOBS, "{\"type\":\"tweets\"}").body().path("data");
        assertThat(client.send("PUT", next.path("upload_url").asText(), "1").statusCode()).isEqualTo(200);
        assertThat(awaitStatus(next.path("id").asText(), "complete").has("error")).as("only the next job fails")
                .isFalse();
    }

    @Test
    void aJobWhoseUploadWindowLapsesExpiresAndTakesNoUpload() throws Exception {
        start(SimulatorSettings.builder().complianceJobUploadWindow(Duration.ofMillis(300)));
        JsonNode job = client.post(JOBS, "{\"type\":\"tweets\"}").body().path("data");

        JsonNode expired = awaitStatus(job.path("id").asText(), "expired");

        assertThat(time(expired, "upload_expires_at")).isEqualTo(time(job, "created_at").plusMillis(300));
        HttpResponse<String> late = client.send("PUT", job.path("upload_url").asText(), "1");
        assertThat(late.statusCode()).as("an expired upload token").isEqualTo(403);
        assertThat(Json.parse(late.body()).path("detail").asText()).contains("expired");
        assertThat(client.post(JOBS, "{\"type\":\"tweets\"}").status()).as("the slot is free").isEqualTo(200);
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndTheJobTakesASmallerOne() throws Exception {
        start(SimulatorSettings.builder().complianceJobMaxUploadBytes(64).complianceJobProcessing(Duration.ZERO));
        JsonNode job = client.post(JOBS, "{\"type\":\"users\"}").body().path("data");
        String upload = job.path("upload_url").asText();

        HttpResponse<String> tooLarge = client.send("PUT", upload, "1234567890\n".repeat(6));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(Json.parse(tooLarge.body()).path("detail").asText()).contains("64 bytes");
        assertThat(client.send("PUT", upload, "1234567890\nbad id\n1234567890\n").statusCode()).isEqualTo(200);

        awaitStatus(job.path("id").asText(), "complete");
        HttpResponse<String> results = client.send("GET", job.path("download_url").asText(), null);
        assertThat(results.body()).as("a users job: no user events in the simulator, only invalid lines")
                .isEqualTo("{\"id\":\"bad id\",\"error\":\"invalid_id\"}\n");
        assertThat(simulator.complianceJobs().get(0).uploadedIds()).isEqualTo(2);
    }

    @Test
    void badRequestsGetXsInvalidRequest() throws Exception {
        start(SimulatorSettings.builder());

        for (String body : List.of("{\"type\":\"posts\"}", "{}", "[]", "not json", "{\"type\":\"tweets\",\"name\":1}",
                "{\"type\":\"tweets\",\"resumable\":true}", "{\"type\":\"tweets\",\"color\":\"red\"}")) {
            V2Client.Answer refused = client.post(JOBS, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.body().path("title").asText()).as(body).isEqualTo("Invalid Request");
        }
        assertThat(client.post(JOBS, "{\"type\":\"tweets\",\"resumable\":false}").status()).isEqualTo(200);
        assertThat(client.get(JOBS).body()).isEqualTo(Json.parse("{\"errors\":[{\"parameters\":{\"type\":[\"\"]},"
                + "\"message\":\"The `type` query parameter can not be empty\"}],\"title\":\"Invalid Request\","
                + "\"detail\":\"One or more parameters to your request was invalid.\","
                + "\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}"));
        assertThat(client.get(JOBS + "?type=tweets&status=done").body().path("errors").get(0).path("message").asText())
                .isEqualTo("The `status` query parameter value [done] is not one of "
                        + "[created,in_progress,failed,complete,expired]");
        assertThat(client.get(JOBS + "?type=tweets&color=red").body().path("errors").get(0).path("message").asText())
                .isEqualTo("The query parameter [color] is not one of [compliance_job.fields,status,type]");
        assertThat(client.get(JOBS + "/abc").body().path("errors").get(0).path("message").asText())
                .isEqualTo("The `id` query parameter value [abc] does not match ^[0-9]{1,19}$");
        assertThat(client.send("PUT", simulator.v2BaseUrl() + JOBS, "1").statusCode()).isEqualTo(405);
        assertThatThrownBy(() -> simulator.failNextComplianceJob(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    private JsonNode awaitStatus(String id, String status) {
        JsonNode[] job = new JsonNode[1];
        await().atMost(LONG_DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> {
            V2Client.Answer answer = client.get(JOBS + "/" + id);
            assertThat(answer.status()).isEqualTo(200);
            job[0] = answer.body().path("data");
            return job[0].path("status").asText().equals(status);
        });
        return job[0];
    }

    private String create(String type) throws Exception {
        V2Client.Answer created = client.post(JOBS, "{\"type\":\"" + type + "\"}");
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        return created.body().path("data").path("id").asText();
    }

    /** Reads the sample stream until {@code count} Posts came, then closes it; the Posts as sent. */
    private List<SentTweet> streamSomePosts(int count) throws Exception {
        try (StreamClient sample = client.open(V2Client.SAMPLE + "?tweet.fields=created_at")) {
            sample.nextMessages(count);
        }
        await().atMost(LONG_DEADLINE).until(() -> simulator.sentTweets().size() >= count);
        return simulator.sentTweets().subList(0, count);
    }

    private void start(SimulatorSettings.Builder settings) {
        simulator = StreamSimulator.start(settings.tier(SimulatorSettings.Tier.ENTERPRISE).tweetsPerSecond(100)
                .noAutomaticCompliance().build());
        client = new V2Client(simulator);
    }

    private void assertDatedByBillingClock(HttpResponse<String> response) {
        List<String> dates = response.headers().allValues("date");
        assertThat(dates).as("one Date header").hasSize(1);
        Instant date = ZonedDateTime.parse(dates.get(0), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(Duration.between(date, simulator.billingNow()).abs()).isLessThan(Duration.ofSeconds(10));
    }

    private static Instant time(JsonNode job, String field) {
        return Instant.parse(job.path(field).asText());
    }

    private static String createdAt(long id) {
        return V2Json.time(SnowflakeIds.createdAt(id).truncatedTo(ChronoUnit.SECONDS));
    }

    private static String at(ComplianceEvent event) {
        return V2Json.time(event.eventAt());
    }

    private static String token(String url) {
        String query = URI.create(url).getRawQuery();
        return query.substring(query.indexOf("token=") + "token=".length());
    }

    /** The URL with its token replaced ({@code null}: without one). */
    private static String withToken(String url, String token) {
        String bare = url.substring(0, url.indexOf('?'));
        return token == null ? bare : bare + "?token=" + token;
    }

}
