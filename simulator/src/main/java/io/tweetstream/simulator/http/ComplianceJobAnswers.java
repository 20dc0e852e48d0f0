package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.tweetstream.simulator.ComplianceJobInfo;
import io.tweetstream.simulator.v2.ComplianceJobs;
import io.tweetstream.simulator.v2.V2Json;

import java.io.IOException;
import java.net.URI;

/**
 * The answers of the batch compliance jobs API: a job as X shows it, and a refusal with its status. A job's URLs are
 * on the host the client asked ({@code Host}), so that they work from wherever it reached the simulator (another
 * container, say); they carry its tokens, secrets that are never logged.
 */
final class ComplianceJobAnswers {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final URI v2Base;
    private final V2Responses responses;

    /** @param v2Base the simulator's {@code v2BaseUrl()}: its scheme, and its host for a request without {@code Host} */
    ComplianceJobAnswers(URI v2Base, V2Responses responses) {
        this.v2Base = v2Base;
        this.responses = responses;
    }

    /** 200 {@code {"data":{..the job..}}}. */
    void sendJob(HttpExchange exchange, ComplianceJobs.View view) throws IOException {
        ObjectNode body = NODES.objectNode();
        body.set("data", job(view, exchange));
        responses.send(exchange, 200, body);
    }

    /**
     * {@code {"id","type","name"?,"status","error"?,"upload_url","upload_expires_at","download_url",
     * "download_expires_at","created_at"}}, times in UTC with milliseconds.
     */
    ObjectNode job(ComplianceJobs.View view, HttpExchange exchange) {
        ComplianceJobInfo job = view.info();
        ObjectNode node = NODES.objectNode().put("id", job.id()).put("type", job.type());
        if (job.name() != null) {
            node.put("name", job.name());
        }
        node.put("status", job.status());
        if (job.error() != null) {
            node.put("error", job.error());
        }
        String url = base(exchange) + ComplianceJobsEndpoint.PATH + "/" + job.id();
        return node.put("upload_url", url + "/upload?token=" + view.uploadToken())
                .put("upload_expires_at", V2Json.time(job.uploadExpiresAt()))
                .put("download_url", url + "/download?token=" + view.downloadToken())
                .put("download_expires_at", V2Json.time(job.downloadExpiresAt()))
                .put("created_at", V2Json.time(job.createdAt()));
    }

    /** X's status for each refusal (integrate.mdx, "Error handling"), with a problem body saying why. */
    void sendRefusal(HttpExchange exchange, ComplianceJobs.RefusedException refused, String id) throws IOException {
        switch (refused.reason()) {
            case NOT_FOUND -> responses.send(exchange, 404, V2Problems.resourceNotFound("compliance_job", "id", id,
                    refused.getMessage()));
            case ACTIVE_JOB, WRONG_STATUS -> responses.send(exchange, 409, V2Problems.conflict(refused.getMessage()));
            case UNUSABLE_TOKEN -> responses.send(exchange, 401, V2Problems.unauthorized());
            case WRONG_TOKEN -> responses.send(exchange, 403, V2Problems.plain("Forbidden", 403, refused.getMessage()));
        }
    }

    private String base(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null || host.isBlank() ? v2Base.getScheme() + "://" + v2Base.getRawAuthority()
                : v2Base.getScheme() + "://" + host;
    }
}
