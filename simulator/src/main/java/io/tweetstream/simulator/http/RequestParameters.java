package io.tweetstream.simulator.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of a request: from an {@code application/x-www-form-urlencoded} body (how Twitter4j
 * sends them) and from the query string. The first value of a name wins, body before query.
 */
public final class RequestParameters {

    /** Far above Twitter's own limits (400 phrases of 60 bytes, 5,000 ids), far below harm. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final String FORM = "application/x-www-form-urlencoded";

    private RequestParameters() {
    }

    /** Thrown for a body over {@link #MAX_BODY_BYTES}. */
    public static final class TooLargeException extends IOException {
        TooLargeException() {
            super("request body larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    public static Map<String, String> read(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            parse(readBody(exchange.getRequestBody()), parameters);
        }
        parse(exchange.getRequestURI().getRawQuery(), parameters);
        return parameters;
    }

    /** The parameters of the query string only (v2 requests carry JSON bodies, if any). */
    public static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parse(exchange.getRequestURI().getRawQuery(), parameters);
        return parameters;
    }

    /**
     * Answers X's 400 for the first query parameter not in {@code known}, as X refuses any it does not take.
     *
     * @return whether it answered
     */
    static boolean refusesUnknown(HttpExchange exchange, Map<String, String> query, Set<String> known,
                                  V2Responses responses) throws IOException {
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            if (!known.contains(parameter.getKey())) {
                responses.send(exchange, 400, V2Problems.unknownParameter(parameter.getKey(), parameter.getValue(), known));
                return true;
            }
        }
        return false;
    }

    /** Adds the pairs of an encoded {@code a=1&b=2} string, keeping values already present. */
    static void parse(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            into.putIfAbsent(name, value);
        }
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badPercentEncoding) {
            // Keep it as sent: the filter parser then rejects it with a message showing it.
            return encoded;
        }
    }

    private static String readBody(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new TooLargeException();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
