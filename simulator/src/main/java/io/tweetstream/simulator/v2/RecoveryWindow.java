package io.tweetstream.simulator.v2;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The period a Recovery stream re-streams (x-api/posts/filtered-stream/integrate/recovery-and-redundancy-features.mdx):
 * {@code start_time} within the last 24 hours, {@code end_time} after it and not in the future (now when absent);
 * the tweets created in {@code [start, end)}.
 */
public record RecoveryWindow(Instant start, Instant end) {

    /** How far back X's Recovery reaches. */
    public static final Duration MAX_AGE = Duration.ofHours(24);

    /** Whether the request asks for Recovery at all. */
    public static boolean requested(Map<String, String> query) {
        return query.containsKey(TimeParameter.START) || query.containsKey(TimeParameter.END);
    }

    /**
     * @return empty when neither parameter is given
     * @throws InvalidParametersException with X's message for a time it refuses
     */
    public static Optional<RecoveryWindow> parse(Map<String, String> query, Instant now) throws InvalidParametersException {
        if (!requested(query)) {
            return Optional.empty();
        }
        Instant start = TimeParameter.parse(query, TimeParameter.START);
        Instant end = TimeParameter.parse(query, TimeParameter.END);
        if (start == null) {
            throw TimeParameter.invalid(TimeParameter.START, "", "The `" + TimeParameter.START
                    + "` query parameter is required with `" + TimeParameter.END + "` for Recovery");
        }
        if (start.isBefore(now.minus(MAX_AGE))) {
            throw TimeParameter.tooEarly(query, TimeParameter.START, now.minus(MAX_AGE));
        }
        if (end != null && end.isAfter(now)) {
            String value = query.get(TimeParameter.END);
            throw TimeParameter.invalid(TimeParameter.END, value, "Invalid '" + TimeParameter.END + "':'" + value
                    + "'. '" + TimeParameter.END + "' must not be in the future.");
        }
        Instant until = end == null ? now : end;
        if (!until.isAfter(start)) {
            throw TimeParameter.notAfterStart(query);
        }
        return Optional.of(new RecoveryWindow(start, until));
    }
}
