package io.tweetstream.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A line no well-behaved stream carries, to inject into open streams ({@link StreamSimulator#injectLine(BadLine)})
 * and check that a client skips it and goes on. Where the API matters, the line takes the shape of the stream's API:
 * a v1.1 status or a v2 {@code {"data":..}} message. {@link #bytes(StreamEndpoint)} gives the exact bytes sent,
 * without the CRLF that ends them on the wire.
 */
public final class BadLine {

    /** What is wrong with the line. */
    public enum Kind {
        /** A valid tweet cut in the middle. */
        TRUNCATED_JSON,
        /** A tweet whose text holds bytes that are not UTF-8 ({@code C3 28}, {@code FF}). */
        INVALID_UTF8,
        /** One very long line: a JSON object with a huge string, or garbage. */
        HUGE_LINE,
        /** Valid JSON nested very deep. */
        DEEP_NESTING,
        /** Valid JSON of a shape the API does not define. */
        UNKNOWN_MESSAGE,
        /** Bytes given by the test. */
        RAW
    }

    /** 10 MiB. */
    public static final int DEFAULT_HUGE_LINE_BYTES = 10 * 1024 * 1024;
    public static final int DEFAULT_NESTING_DEPTH = 100_000;

    static final String V1_TWEET = "{\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"id\":1050118621198921728,"
            + "\"id_str\":\"1050118621198921728\",\"text\":\"Streaming with Kafka Connect\",\"user\":{\"id\":6253282,"
            + "\"id_str\":\"6253282\",\"name\":\"Twitter API\",\"screen_name\":\"TwitterAPI\"},\"lang\":\"en\","
            + "\"timestamp_ms\":\"1539202764000\"}";
    static final String V2_TWEET = "{\"data\":{\"edit_history_tweet_ids\":[\"1050118621198921728\"],"
            + "\"id\":\"1050118621198921728\",\"text\":\"Streaming with Kafka Connect\"}}";
    private static final String HUGE_PREFIX = "{\"padding\":\"";
    private static final String HUGE_SUFFIX = "\"}";
    private static final byte[] NOT_UTF8 = {(byte) 0xC3, 0x28, ' ', (byte) 0xFF};

    private final Kind kind;
    private final int size;
    private final boolean validJson;
    private final byte[] raw;

    private BadLine(Kind kind, int size, boolean validJson, byte[] raw) {
        this.kind = kind;
        this.size = size;
        this.validJson = validJson;
        this.raw = raw;
    }

    /** A tweet (the API's shape) cut after half of its bytes, in the middle of the JSON. */
    public static BadLine truncatedJson() {
        return new BadLine(Kind.TRUNCATED_JSON, 0, false, null);
    }

    /** A tweet whose {@code text} holds the bytes {@code C3 28 20 FF}: invalid UTF-8 inside a valid JSON string. */
    public static BadLine invalidUtf8() {
        return new BadLine(Kind.INVALID_UTF8, 0, true, null);
    }

    /** A 10 MiB line: a valid JSON object with one huge string field. */
    public static BadLine hugeLine() {
        return hugeLine(DEFAULT_HUGE_LINE_BYTES, true);
    }

    /**
     * A line of exactly {@code bytes} bytes: {@code {"padding":"xxx…"}} when {@code validJson}, else printable
     * garbage ({@code not json not json …}).
     */
    public static BadLine hugeLine(int bytes, boolean validJson) {
        int min = HUGE_PREFIX.length() + HUGE_SUFFIX.length();
        if (bytes < min) {
            throw new IllegalArgumentException("a huge line needs at least " + min + " bytes, was " + bytes);
        }
        return new BadLine(Kind.HUGE_LINE, bytes, validJson, null);
    }

    /** {@code {"nested":[[[…]]]}} with 100,000 nested arrays. */
    public static BadLine deeplyNested() {
        return deeplyNested(DEFAULT_NESTING_DEPTH);
    }

    /** {@code {"nested":[[[…]]]}} with {@code depth} nested arrays. */
    public static BadLine deeplyNested(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, was " + depth);
        }
        return new BadLine(Kind.DEEP_NESTING, depth, true, null);
    }

    /**
     * Valid JSON of a shape the API does not define: {@code {"some_new_notice":{..}}} on v1.1, {@code {"foo":{..}}} on
     * v2.
     */
    public static BadLine unknownMessage() {
        return new BadLine(Kind.UNKNOWN_MESSAGE, 0, true, null);
    }

    /** Exactly these bytes, on every API (a CRLF inside them would make more than one line). */
    public static BadLine raw(byte[] line) {
        return new BadLine(Kind.RAW, 0, false, Objects.requireNonNull(line, "line").clone());
    }

    public Kind kind() {
        return kind;
    }

    /** The bytes sent on a stream of {@code endpoint}, without the CRLF. */
    public byte[] bytes(StreamEndpoint endpoint) {
        boolean v2 = endpoint != StreamEndpoint.V1_FILTER;
        String tweet = v2 ? V2_TWEET : V1_TWEET;
        return switch (kind) {
            case TRUNCATED_JSON -> Arrays.copyOf(utf8(tweet), tweet.length() / 2);
            case INVALID_UTF8 -> invalidText(tweet);
            case HUGE_LINE -> huge();
            case DEEP_NESTING -> nested();
            case UNKNOWN_MESSAGE -> utf8(v2
                    ? "{\"foo\":{\"id\":\"1\",\"bar\":\"a message the X API v2 does not define\"}}"
                    : "{\"some_new_notice\":{\"id\":1,\"id_str\":\"1\",\"timestamp_ms\":\"1539202764000\"}}");
            case RAW -> raw.clone();
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case HUGE_LINE -> "HUGE_LINE(" + size + " bytes" + (validJson ? "" : ", garbage") + ")";
            case DEEP_NESTING -> "DEEP_NESTING(" + size + ")";
            case RAW -> "RAW(" + raw.length + " bytes)";
            default -> kind.name();
        };
    }

    private static byte[] invalidText(String tweet) {
        String marker = "Kafka Connect";
        int at = tweet.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(tweet.substring(0, at)));
        out.writeBytes(NOT_UTF8);
        out.writeBytes(utf8(" " + tweet.substring(at)));
        return out.toByteArray();
    }

    private byte[] huge() {
        byte[] line = new byte[size];
        if (validJson) {
            byte[] prefix = utf8(HUGE_PREFIX);
            byte[] suffix = utf8(HUGE_SUFFIX);
            Arrays.fill(line, (byte) 'x');
            System.arraycopy(prefix, 0, line, 0, prefix.length);
            System.arraycopy(suffix, 0, line, size - suffix.length, suffix.length);
        } else {
            byte[] garbage = utf8("not json ");
            for (int i = 0; i < size; i++) {
                line[i] = garbage[i % garbage.length];
            }
        }
        return line;
    }

    private byte[] nested() {
        byte[] prefix = utf8("{\"nested\":");
        byte[] line = new byte[prefix.length + 2 * size + 1];
        System.arraycopy(prefix, 0, line, 0, prefix.length);
        Arrays.fill(line, prefix.length, prefix.length + size, (byte) '[');
        Arrays.fill(line, prefix.length + size, line.length - 1, (byte) ']');
        line[line.length - 1] = '}';
        return line;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
