package io.tweetstream.simulator.v2;

import io.tweetstream.simulator.LikeComplianceEvent;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How a Likes compliance stream connection gets its events (X's OpenAPI spec, {@code getLikesComplianceStream}): the
 * lines as made, whatever it asks. The stream takes {@code backfill_minutes}, {@code start_time} and {@code end_time}
 * alone; any other parameter gets X's 400 for a parameter the endpoint does not take, {@code partition} among them:
 * unlike the other event streams, this one has no partitions.
 */
public final class LikeComplianceMessages {

    /** Every parameter the Likes compliance stream takes. */
    static final Set<String> PARAMETERS = Set.of(BackfillMinutes.PARAMETER, TimeParameter.START, TimeParameter.END);

    private LikeComplianceMessages() {
    }

    /** @throws InvalidParametersException listing every parameter the stream does not take, as X does */
    public static Function<LikeComplianceEvent, String> forRequest(Map<String, String> query)
            throws InvalidParametersException {
        List<InvalidParametersException.Problem> problems = FieldSelection.unknownParameters(query, PARAMETERS);
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        return LikeComplianceEvent::json;
    }
}
