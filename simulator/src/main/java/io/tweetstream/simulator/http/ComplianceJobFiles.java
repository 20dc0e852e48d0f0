package io.tweetstream.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.v2.ComplianceJobs;
import io.tweetstream.simulator.v2.UploadedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A batch compliance job's two signed URLs (x-api/compliance/batch-compliance/integrate.mdx, "Signed URLs"):
 * {@code PUT .../jobs/{id}/upload?token=..} takes the ids, one a line, once, while the job is {@code created} and
 * before {@code upload_expires_at}, at most {@link SimulatorSettings#complianceJobMaxUploadBytes()} (413 beyond);
 * {@code GET .../jobs/{id}/download?token=..} gives the results once the job is {@code complete}, until
 * {@code download_expires_at}. Both want the bearer token too (checked by {@link ComplianceJobsEndpoint}) and the URL's
 * own token: 401 for one the simulator never gave, 403 for one of another job or operation or expired, 409 when the
 * job's status does not allow it. The URLs are never logged: their tokens are secrets.
 */
final class ComplianceJobFiles {

    private static final Logger log = LoggerFactory.getLogger(ComplianceJobFiles.class);
    /** What the results are: newline-delimited JSON, one object a line. */
    static final String NDJSON = "application/x-ndjson";
    private static final Set<String> PARAMETERS = Set.of("token", "compliance_job.fields");

    private final SimulatorSettings settings;
    private final ComplianceJobs jobs;
    private final ComplianceJobAnswers answers;
    private final V2Responses responses;

    ComplianceJobFiles(SimulatorSettings settings, ComplianceJobs jobs, ComplianceJobAnswers answers,
                       V2Responses responses) {
        this.settings = settings;
        this.jobs = jobs;
        this.answers = answers;
        this.responses = responses;
    }

    /** Serves the upload ({@code upload} true) or download URL of job {@code id}. */
    void serve(HttpExchange exchange, String id, boolean upload) throws IOException {
        String method = upload ? "PUT" : "GET";
        if (!method.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", method);
            responses.send(exchange, 405, V2Problems.plain("Method Not Allowed", 405, "Method Not Allowed"));
            return;
        }
        Map<String, String> query = RequestParameters.query(exchange);
        if (RequestParameters.refusesUnknown(exchange, query, PARAMETERS, responses)) {
            return;
        }
        try {
            if (upload) {
                upload(exchange, id, query.get("token"));
            } else {
                String results = jobs.download(id, query.get("token"), Instant.now());
                log.info("Compliance job {}: results downloaded ({} line(s))", id, results.lines().count());
                Responses.send(exchange, 200, NDJSON, results);
            }
        } catch (ComplianceJobs.RefusedException e) {
            log.info("Refused the {} of compliance job {}: {}", upload ? "upload" : "download", id, e.reason());
            answers.sendRefusal(exchange, e, id);
        }
    }

    private void upload(HttpExchange exchange, String id, String token) throws IOException,
            ComplianceJobs.RefusedException {
        jobs.admitUpload(id, token, Instant.now());
        long limit = settings.complianceJobMaxUploadBytes();
        UploadedIds ids = null;
        if (declaredLength(exchange) <= limit) {
            try {
                ids = UploadedIds.read(exchange.getRequestBody(), limit);
            } catch (UploadedIds.TooLargeException e) {
                // answered below
            }
        }
        if (ids == null) {
            log.info("Refused the upload of compliance job {}: more than {} bytes", id, limit);
            responses.send(exchange, 413, V2Problems.plain("Payload Too Large", 413, "The upload is larger than "
                    + limit + " bytes: split the ids across sequential jobs."));
            return;
        }
        ComplianceJobs.View job = jobs.upload(id, token, ids, Instant.now());
        log.info("Compliance job {}: took {} id(s) and {} invalid line(s)", id, ids.count(), ids.invalid().size());
        answers.sendJob(exchange, job);
    }

    /** The body's {@code Content-Length}, so that an upload too large is refused before it is read; -1 when unknown. */
    private static long declaredLength(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
