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

    /**
     * Uploads the ids, one per line: the job then runs.
     *
     * @throws UrlRefused when X refuses the job's upload URL (expired, say): only a new job helps
     */
    void upload(ComplianceJob job, Path ids) throws XApiException, IOException, InterruptedException, UrlRefused {
        try {
            client.upload(job.uploadUrl(), ids, "the upload of " + job);
        } catch (XApiException e) {
            throw UrlRefused.orRethrow(e);
        }
    }

    /**
     * The results of a complete job, one JSON object per line; the caller closes the stream.
     *
     * @throws UrlRefused when X refuses the job's download URL (expired, say): only a new job helps
     */
    InputStream results(ComplianceJob job) throws XApiException, IOException, InterruptedException, UrlRefused {
        try {
            return client.download(job.downloadUrl(), "the download of " + job + "'s results");
        } catch (XApiException e) {
            throw UrlRefused.orRethrow(e);
        }
    }

    /**
     * X's 401 or 403 to a job's own upload or download URL: its token is unusable or expired (x-api/compliance/
     * batch-compliance/integrate.mdx), so the job is of no more use, unlike a 401 to the JSON endpoints.
     */
    static final class UrlRefused extends Exception {

        private UrlRefused(XApiException refusal) {
            super(refusal.getMessage(), refusal);
        }

        static UrlRefused orRethrow(XApiException e) throws XApiException {
            if (e.status() == 401 || e.status() == 403) {
                return new UrlRefused(e);
            }
            throw e;
        }
    }

    private static JsonNode data(JsonNode response) {
        JsonNode data = response.path("data");
        if (!data.isObject()) {
            throw new IllegalArgumentException("X answered a compliance job request without the job in 'data'");
        }
        return data;
    }
}
