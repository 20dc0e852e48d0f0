package io.tweetstream.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.tweetstream.simulator.ConnectionAttempt;
import io.tweetstream.simulator.SimulatorSettings;
import io.tweetstream.simulator.StreamEndpoint;
import io.tweetstream.simulator.net.ConnectionProxy;
import io.tweetstream.simulator.net.ProxiedConnection;
import io.tweetstream.simulator.stream.ConnectionRejections;
import io.tweetstream.simulator.stream.StreamLedger;
import io.tweetstream.simulator.stream.V2Controls;
import org.slf4j.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What every v2 stream endpoint checks of a connection request besides its own parameters, answered as X answers
 * each, and how it turns a request away: the path (404), the method (405), the connect attempts of the window (every
 * request counts; {@code x-rate-limit-*} on every answer past the method), an injected rejection, the bearer token
 * (401); after the endpoint's own checks, whether the connection can be taken over (500, 503) and the connection
 * limit (429 TooManyConnections). Every refusal past the method is recorded as an attempt with its status. Kept in
 * one place so that the v2 streams refuse alike; each endpoint keeps what differs (the tier, billing, parameters).
 */
final class StreamGate {

    /** The earliest a client turned away for too many connections is told to retry. */
    private static final Duration MIN_CONNECTION_RETRY = Duration.ofSeconds(1);

    /** A request through the gate: when it came, its connect attempt's admission and its bearer token. */
    record Admitted(Instant now, RateLimit.Admission admission, String authorization) {
    }

    private final StreamEndpoint endpoint;
    private final String path;
    private final SimulatorSettings settings;
    private final StreamLedger ledger;
    private final V2Controls controls;
    private final ConnectionProxy proxy;
    private final BearerAuth auth;
    private final V2Responses responses;
    private final RateLimit connects;
    private final Logger log;

    /** @param log the endpoint's logger, which tells of the refusals */
    StreamGate(StreamEndpoint endpoint, String path, SimulatorSettings settings, StreamLedger ledger,
               V2Controls controls, ConnectionProxy proxy, BearerAuth auth, V2Responses responses, Logger log) {
        this.endpoint = endpoint;
        this.path = path;
        this.settings = settings;
        this.ledger = ledger;
        this.controls = controls;
        this.proxy = proxy;
        this.auth = auth;
        this.responses = responses;
        this.connects = new RateLimit(settings.v2ConnectsPerWindow(), settings.rateLimitWindow());
        this.log = log;
    }

    /** The request when it may go on to the endpoint's own checks; {@code null} when it was answered already. */
    Admitted admit(HttpExchange exchange) throws IOException {
        if (!GetPath.admits(exchange, path, responses)) {
            return null;
        }
        Instant now = Instant.now();
        RateLimit.Admission admission = connects.take(now);
        admission.putHeaders(exchange);
        Optional<ConnectionRejections.Rejection> rejection = controls.rejections().take(now);
        if (rejection.isPresent()) {
            log.info("Refused a {} stream request from {} with {}, as instructed", endpoint.label(),
                    exchange.getRemoteAddress(), rejection.get().httpStatus());
            rejectAsInstructed(exchange, now, rejection.get());
            return null;
        }
        if (!admission.allowed()) {
            log.info("Refused a {} stream request from {}: {} connect attempts in this window already",
                    endpoint.label(), exchange.getRemoteAddress(), admission.limit());
            attempted(now, 429);
            ledger.requestRejected();
            responses.sendRateLimited(exchange, V2Problems.tooManyRequests(), admission.limit(), admission.reset());
            return null;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!auth.accepts(authorization)) {
            log.info("Refused a {} stream request from {}: no accepted bearer token", endpoint.label(),
                    exchange.getRemoteAddress());
            reject(exchange, 401, V2Problems.unauthorized());
            return null;
        }
        return new Admitted(now, admission, authorization);
    }

    /**
     * The client's connection, to take over once the endpoint's checks passed; empty when it was answered already:
     * it did not come through the simulator's port (500), or the simulator is shutting down (503).
     */
    Optional<ProxiedConnection> client(HttpExchange exchange) throws IOException {
        Optional<ProxiedConnection> client = proxy.connectionFrom(exchange.getRemoteAddress());
        if (client.isEmpty()) {
            reject(exchange, 500, V2Problems.plain("Internal Server Error", 500,
                    "The connection did not come through the simulator's port"));
            return Optional.empty();
        }
        if (controls.isClosed()) {
            reject(exchange, 503, V2Problems.plain("Service Unavailable", 503, "The simulator is shutting down"));
            return Optional.empty();
        }
        return client;
    }

    /** Answers X's 429 TooManyConnections to a request that found every connection slot taken. */
    void tooManyConnections(HttpExchange exchange, Admitted request) throws IOException {
        attempted(request.now(), 429);
        ledger.requestRejected();
        // The slot frees once the server notices the old client is gone: within about a keep-alive. The reset
        // says when to come back for the slot, not when the window of connect attempts ends.
        Duration retry = settings.v2KeepAliveInterval().compareTo(MIN_CONNECTION_RETRY) > 0
                ? settings.v2KeepAliveInterval() : MIN_CONNECTION_RETRY;
        responses.sendRateLimited(exchange, V2Problems.tooManyConnections(), request.admission().limit(),
                request.now().plus(retry).plusSeconds(1));
    }

    /** Turns the request away with {@code status} and {@code body}, recorded as an attempt. */
    void reject(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        attempted(Instant.now(), status);
        ledger.requestRejected();
        responses.send(exchange, status, body);
    }

    /** Records an attempt on the endpoint that got {@code status}. */
    void attempted(Instant at, int status) {
        ledger.attempted(new ConnectionAttempt(at, endpoint, status));
    }

    private void rejectAsInstructed(HttpExchange exchange, Instant now, ConnectionRejections.Rejection rejection)
            throws IOException {
        int status = rejection.httpStatus();
        attempted(now, status);
        ledger.requestRejected();
        switch (status) {
            case 401 -> responses.send(exchange, status, V2Problems.unauthorized());
            case 403 -> responses.send(exchange, status, V2Problems.clientForbidden());
            case 429 -> responses.sendRateLimited(exchange, V2Problems.tooManyRequests(),
                    settings.v2ConnectsPerWindow() == 0 ? RateLimit.UNLIMITED : settings.v2ConnectsPerWindow(),
                    rejection.rateLimitReset());
            case 500 -> responses.send(exchange, status, V2Problems.plain("Internal Server Error", status,
                    "Internal Server Error"));
            case 503 -> responses.send(exchange, status, V2Problems.plain("Service Unavailable", status,
                    "Service Unavailable"));
            default -> responses.send(exchange, status, V2Problems.plain("Error", status, "Injected HTTP " + status));
        }
    }
}
