package io.tweetstream.simulator.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.Replay;
import io.tweetstream.simulator.generate.TwitterTime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded stream read whole when the simulator starts, so that a bad file fails at once, naming the line, rather
 * than on some connection later. Each line's time is its own: v2 {@code data.created_at}; v1.1 {@code timestamp_ms}
 * (statuses and most notices carry one), else {@code created_at}.
 */
public final class Recording {

    private final Replay replay;
    private final List<RecordedLine> lines;

    private Recording(Replay replay, List<RecordedLine> lines) {
        this.replay = replay;
        this.lines = List.copyOf(lines);
    }

    /**
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException when a line is not a JSON object, or the file has none
     */
    public static Recording load(Replay replay, ObjectMapper mapper) {
        List<String> raw;
        try {
            raw = Files.readAllLines(replay.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the replay file " + replay.file() + ": " + e.getMessage(), e);
        }
        List<RecordedLine> lines = new ArrayList<>();
        for (int number = 1; number <= raw.size(); number++) {
            String text = raw.get(number - 1).strip();
            if (text.isEmpty()) {
                continue; // a keep-alive captured with the stream
            }
            JsonNode json;
            try {
                json = mapper.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(replay.file() + " line " + number + " is not JSON: "
                        + e.getOriginalMessage());
            }
            if (!json.isObject()) {
                throw new IllegalArgumentException(replay.file() + " line " + number + " is not a JSON object");
            }
            lines.add(new RecordedLine(text, (ObjectNode) json, timeOf(json, replay.api())));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the replay file " + replay.file() + " holds no message");
        }
        return new Recording(replay, lines);
    }

    public Replay replay() {
        return replay;
    }

    public List<RecordedLine> lines() {
        return lines;
    }

    /** A cursor at the start of the recording, paced as the replay says, from {@code startNanos}. */
    public ReplayCursor cursor(long startNanos) {
        return new ReplayCursor(this, startNanos);
    }

    private static Instant timeOf(JsonNode json, Replay.Api api) {
        try {
            if (api == Replay.Api.V2) {
                JsonNode created = json.path("data").path("created_at");
                return created.isTextual() ? Instant.parse(created.asText()) : null;
            }
            JsonNode millis = json.findValue("timestamp_ms");
            if (millis != null && millis.canConvertToLong() || millis != null && millis.isTextual()) {
                return Instant.ofEpochMilli(Long.parseLong(millis.asText()));
            }
            JsonNode created = json.path("created_at");
            return created.isTextual() ? TwitterTime.parse(created.asText()) : null;
        } catch (DateTimeParseException | NumberFormatException e) {
            return null; // a line without a readable time goes out right after the one before it
        }
    }
}
