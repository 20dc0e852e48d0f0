package io.tweetstream.connect.v2.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.connect.v2.XApiClient;
import io.tweetstream.connect.v2.XApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * X's batch compliance jobs API for Posts ({@code type=tweets}): create, look up, list, cancel, upload the ids,
 * download the results. X allows one active job per type per app.
 */
final class ComplianceJobs {

    static final String PATH = "2/compliance/jobs";
    static final String TYPE = "tweets";

    private final XApiClient client;

    ComplianceJobs(XApiClient client) {
        this.client = client;
    }

    /** @throws XApiException HTTP 409 while another job of the type is active */
    ComplianceJob create(String name) throws XApiException, IOException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("type", TYPE);
        body.put("name", name);
        return ComplianceJob.of(data(client.call("POST", PATH, body)));
    }

    ComplianceJob get(String id) throws XApiException, IOException, InterruptedException {
        return ComplianceJob.of(data(client.call("GET", PATH + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8), null)));
    }

    /** The app's recent jobs of the type, as X lists them. */
    List<ComplianceJob> list() throws XApiException, IOException, InterruptedException {
        List<ComplianceJob> jobs = new ArrayList<>();
        client.call("GET", PATH + "?type=" + TYPE, null).path("data").forEach(job -> jobs.add(ComplianceJob.of(job)));
        return jobs;
    }

    /** Cancels a job awaiting its upload or in progress, which frees the type's active slot. */
    void cancel(ComplianceJob job) throws XApiException, IOException, InterruptedException {
        client.call("DELETE", PATH + "/" + URLEncoder.encode(job.id(), StandardCharsets.UTF_8), null);
    }

    /** Uploads the ids, one per line: the job then runs. */
    void upload(ComplianceJob job, Path ids) throws XApiException, IOException, InterruptedException {
        client.upload(job.uploadUrl(), ids, "the upload of " + job);
    }

    /** The results of a complete job, one JSON object per line; the caller closes the stream. */
    InputStream results(ComplianceJob job) throws XApiException, IOException, InterruptedException {
        return client.download(job.downloadUrl(), "the download of " + job + "'s results");
    }

    private static JsonNode data(JsonNode response) {
        JsonNode data = response.path("data");
        if (!data.isObject()) {
            throw new IllegalArgumentException("X answered a compliance job request without the job in 'data'");
        }
        return data;
    }
}
