package io.tweetstream.simulator.v2;

import java.util.List;
import java.util.Map;

/**
 * The {@code partition} parameter of X's partitioned volume streams (X's OpenAPI spec: required, an integer from 1 to
 * 20 on {@code /2/tweets/firehose/stream}, 1 to 2 on {@code /2/tweets/sample10/stream}): which share of the stream a
 * connection reads.
 */
public final class PartitionParameter {

    public static final String PARAMETER = "partition";

    private PartitionParameter() {
    }

    /**
     * @param partitions how many partitions the stream has
     * @throws InvalidParametersException when it is absent, empty, not a whole number or out of range, with X's message
     */
    public static int parse(Map<String, String> query, int partitions) throws InvalidParametersException {
        String value = query.get(PARAMETER);
        if (value == null || value.isEmpty()) {
            throw invalid("", "The `" + PARAMETER + "` query parameter can not be empty");
        }
        try {
            int partition = Integer.parseInt(value);
            if (partition >= 1 && partition <= partitions) {
                return partition;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, as X answers any bad value
        }
        throw invalid(value, "The `" + PARAMETER + "` query parameter value [" + value + "] is not between 1 and "
                + partitions);
    }

    private static InvalidParametersException invalid(String value, String message) {
        return new InvalidParametersException(List.of(new InvalidParametersException.Problem(PARAMETER,
                List.of(value), message)));
    }
}
