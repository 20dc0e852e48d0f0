package io.tweetstream.simulator.v2;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code start_time} and {@code end_time}: RFC 3339 date-times ({@code YYYY-MM-DDTHH:mm:ssZ}, X's openapi.json), and
 * X's 400 messages about them, {@code Invalid 'end_time':'..'. 'end_time' must be ...}.
 */
public final class TimeParameter {

    public static final String START = "start_time";
    public static final String END = "end_time";
    /** How X writes a bound in its messages: minutes, UTC. */
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private TimeParameter() {
    }

    /** The parameter's instant; {@code null} when absent. */
    public static Instant parse(Map<String, String> query, String name) throws InvalidParametersException {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(name, value, "Invalid '" + name + "':'" + value + "'. '" + name
                    + "' must be a valid RFC 3339 date-time (YYYY-MM-DDTHH:mm:ssZ).");
        }
    }

    /** X's answer to a {@code name} earlier than {@code earliest}. */
    static InvalidParametersException tooEarly(Map<String, String> query, String name, Instant earliest) {
        String value = query.get(name);
        return invalid(name, value, "Invalid '" + name + "':'" + value + "'. '" + name + "' must be on or after "
                + BOUND.format(earliest.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES)));
    }

    /** X's answer to an {@code end_time} not before {@code start_time}. */
    static InvalidParametersException notAfterStart(Map<String, String> query) {
        return invalid(END, query.get(END), "Invalid '" + END + "':'" + query.get(END) + "'. '" + END
                + "' must be after '" + START + "':'" + query.getOrDefault(START, "") + "'.");
    }

    static InvalidParametersException invalid(String name, String value, String message) {
        return new InvalidParametersException(List.of(new InvalidParametersException.Problem(name,
                List.of(value == null ? "" : value), message)));
    }
}
